using System.Text.Json.Nodes;

namespace FilePipeline.Cli.Tests.Pipeline;

public sealed class StatesRunLocalServicesTests : IDisposable
{
    private const string Definition = """
        {
          "StartAt": "Put",
          "States": {
            "Put": {
              "Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
              "Parameters": { "TableName": "filepipeline-files", "Item": { "fileId": { "S": "manual" }, "status": { "S": "PROCESSED" } } },
              "ResultPath": null, "Next": "PutAgain"
            },
            "PutAgain": {
              "Type": "Task", "Resource": "arn:aws:states:::dynamodb:putItem",
              "Parameters": { "TableName": "filepipeline-files", "Item": { "fileId": { "S": "manual" } }, "ConditionExpression": "attribute_not_exists(fileId)" },
              "Catch": [ { "ErrorEquals": [ "DynamoDB.ConditionalCheckFailedException" ], "ResultPath": "$.conflict", "Next": "Get" } ],
              "Next": "Get"
            },
            "Get": {
              "Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
              "Parameters": { "TableName": "filepipeline-files", "Key": { "fileId": { "S": "manual" } } },
              "ResultSelector": { "status.$": "$.Item.status.S" }, "ResultPath": "$.got", "Next": "Inspect"
            },
            "Inspect": {
              "Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {
                "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:InspectFileFunction",
                "Payload": { "bucket": "filepipeline-uploads-123456789012-us-east-1", "key": "missing.csv", "eTag": "00", "fileId": "x", "fileName": "missing.csv", "messageId": "m" }
              },
              "Catch": [ { "ErrorEquals": [ "ObjectNotFoundException" ], "ResultPath": "$.missing", "Next": "Done" } ],
              "Next": "Done"
            },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    private const string GetOnly = """
        {
          "StartAt": "Get",
          "States": {
            "Get": {
              "Type": "Task", "Resource": "arn:aws:states:::dynamodb:getItem",
              "Parameters": { "TableName": "filepipeline-files", "Key": { "fileId": { "S": "manual" } } },
              "ResultSelector": { "status.$": "$.Item.status.S" }, "End": true
            }
          }
        }
        """;

    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task DynamoDB_tasks_reach_the_embedded_table_and_lambda_invoke_the_pipelines_functions()
    {
        var definition = cli.WriteFile("manual.asl.json", Definition);

        var result = await cli.RunAsync("states", "run", definition, "--services", "local", "--json", "--name", "manual-run");
        var executions = await cli.RunAsync("executions", "list", "--json");
        var reread = await cli.RunAsync("states", "run", cli.WriteFile("get.asl.json", GetOnly), "--services", "local", "--json");

        Assert.Equal(0, result.ExitCode);
        var output = JsonNode.Parse(JsonNode.Parse(result.Output)!["output"]!.GetValue<string>())!;
        Assert.Equal("PROCESSED", output["got"]!["status"]!.GetValue<string>());
        Assert.Equal("DynamoDB.ConditionalCheckFailedException", output["conflict"]!["Error"]!.GetValue<string>());
        Assert.Equal("ObjectNotFoundException", output["missing"]!["Error"]!.GetValue<string>());
        var cause = JsonNode.Parse(output["missing"]!["Cause"]!.GetValue<string>())!;
        Assert.Equal("ObjectNotFoundException", cause["errorType"]!.GetValue<string>());
        Assert.Empty(cause["stackTrace"]!.AsArray());
        Assert.Contains("PROCESSED", JsonNode.Parse(reread.Output)!["output"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(("manual-run", "SUCCEEDED"), (Assert.Single(executions.JsonLines)["name"]!.GetValue<string>(), executions.JsonLines[0]["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Without_local_services_the_same_definition_has_no_handler_for_its_tasks()
    {
        var definition = cli.WriteFile("manual.asl.json", Definition);

        var result = await cli.RunAsync("states", "run", definition, "--json");

        Assert.Equal(3, result.ExitCode);
    }
}
