using System.Text.Json.Nodes;
using FilePipeline.States.Store;

namespace FilePipeline.Cli.Executions;

internal static class ExecutionJson
{
    public static JsonObject ToJson(ExecutionRecord e) => new()
    {
        ["id"] = e.Id,
        ["name"] = e.Name,
        ["executionArn"] = e.ExecutionArn,
        ["stateMachineArn"] = e.StateMachineArn,
        ["fileId"] = e.FileId,
        ["versionId"] = e.VersionId,
        ["status"] = e.Status,
        ["outcome"] = e.Outcome,
        ["startDate"] = e.StartDate,
        ["stopDate"] = e.StopDate,
        ["input"] = e.Input,
        ["output"] = e.Output,
        ["error"] = e.Error,
        ["cause"] = e.Cause,
    };
}
