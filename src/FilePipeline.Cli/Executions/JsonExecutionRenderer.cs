using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.History;

namespace FilePipeline.Cli.Executions;

/// <summary>The execution, its path and its events (GetExecutionHistory's shape) as one JSON document.</summary>
internal sealed class JsonExecutionRenderer : IExecutionRenderer
{
    public async Task RenderAsync(StoredExecution view, TextWriter output, CancellationToken cancellationToken)
    {
        var document = new JsonObject
        {
            ["execution"] = ExecutionJson.ToJson(view.Execution),
            ["path"] = new JsonArray([.. view.Path.Select(name => (JsonNode?)name)]),
            ["events"] = new JsonArray([.. view.History.Select(e => (JsonNode?)HistorySerializer.ToJson(e))]),
        };
        await output.WriteLineAsync(document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }
}
