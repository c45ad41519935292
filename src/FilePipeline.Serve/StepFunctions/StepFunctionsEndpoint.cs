using System.Text.Json.Nodes;
using FilePipeline.Host.Executions;
using FilePipeline.Host.Template;
using FilePipeline.Serve.Protocol;
using FilePipeline.States.Store;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.StepFunctions;

/// <summary>
/// Step Functions' JSON 1.0 API for the template's state machine (also reached on the <c>sync-</c> host
/// form, since routing is by X-Amz-Target): list and describe it, and start executions on the local
/// engine. The calls AWS does not support for express machines answer with AWS's errors.
/// </summary>
public sealed class StepFunctionsEndpoint(PipelineTemplate template, LocalWorkflowStarter workflows, DateTimeOffset created)
{
    private const string TypePrefix = "com.amazonaws.swf.service.v2.model";
    private const int MaxInputBytes = 262_144;

    private readonly StateMachineSettings machine = template.StateMachine;

    public async Task HandleAsync(HttpContext context, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = JsonProtocol.Parse(body);
        var response = ServiceRouter.JsonOperation(context.Request) switch
        {
            "ListStateMachines" => ListStateMachines(),
            "DescribeStateMachine" => DescribeStateMachine(request),
            "StartExecution" => await StartAsync(request, sync: false, context.RequestAborted),
            "StartSyncExecution" => await StartAsync(request, sync: true, context.RequestAborted),
            "DescribeExecution" or "GetExecutionHistory" or "StopExecution" => throw ExpressArn(request),
            "ListExecutions" => throw NotForExpress(),
            var operation => throw new AwsErrorException("UnknownOperationException", $"serve does not implement the Step Functions operation {operation}."),
        };
        await JsonProtocol.WriteAsync(context.Response, response);
    }

    public static Task WriteErrorAsync(HttpContext context, AwsErrorException error)
    {
        ArgumentNullException.ThrowIfNull(context);
        return JsonProtocol.WriteErrorAsync(context.Response, error, TypePrefix);
    }

    private string Type => machine.Express ? "EXPRESS" : "STANDARD";

    private JsonObject ListStateMachines() => new()
    {
        ["stateMachines"] = new JsonArray(new JsonObject
        {
            ["stateMachineArn"] = machine.Arn,
            ["name"] = machine.Name,
            ["type"] = Type,
            ["creationDate"] = Seconds(created),
        }),
    };

    private JsonObject DescribeStateMachine(JsonObject request)
    {
        RequireMachine(request);
        return new JsonObject
        {
            ["stateMachineArn"] = machine.Arn,
            ["name"] = machine.Name,
            ["status"] = "ACTIVE",
            ["definition"] = machine.LoadDefinition(),
            ["roleArn"] = $"arn:aws:iam::{template.Identity.AccountId}:role/{machine.Name}-role",
            ["type"] = Type,
            ["creationDate"] = Seconds(created),
        };
    }

    /// <summary>
    /// Runs one execution on the local engine and stores it (it appears in <c>filepipeline executions</c>).
    /// StartExecution answers when the execution has run (a local express run is short); its answer is AWS's.
    /// </summary>
    private async Task<JsonObject> StartAsync(JsonObject request, bool sync, CancellationToken cancellationToken)
    {
        RequireMachine(request);
        if (sync && !machine.Express)
        {
            throw NotForExpress();
        }

        var input = request["input"]?.GetValue<string>() ?? "{}";
        if (System.Text.Encoding.UTF8.GetByteCount(input) > MaxInputBytes)
        {
            throw new AwsErrorException("InvalidExecutionInput", "The input exceeds the maximum size of 262144 bytes.");
        }

        try
        {
            _ = JsonNode.Parse(input);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new AwsErrorException("InvalidExecutionInput", "Invalid State Machine Execution Input: " + e.Message);
        }

        var name = request["name"]?.GetValue<string>();
        var result = (await workflows.RunAsync(name, input, cancellationToken)).Result;
        if (!sync)
        {
            return new JsonObject { ["executionArn"] = result.ExecutionArn, ["startDate"] = Seconds(result.StartDate) };
        }

        var response = JsonNode.Parse(result.ToStartSyncExecutionJson())!.AsObject();
        response["stateMachineArn"] = machine.Arn;
        response["input"] = input;
        response["inputDetails"] = new JsonObject { ["included"] = true };
        if (result.Output is not null)
        {
            response["outputDetails"] = new JsonObject { ["included"] = true };
        }

        var billed = Math.Max(100, (long)Math.Ceiling((result.StopDate - result.StartDate).TotalMilliseconds / 100) * 100);
        response["billingDetails"] = new JsonObject { ["billedMemoryUsedInMB"] = 64, ["billedDurationInMilliseconds"] = billed };
        return response;
    }

    private void RequireMachine(JsonObject request)
    {
        var arn = request["stateMachineArn"]?.GetValue<string>()
            ?? throw new AwsErrorException("ValidationException", "1 validation error detected: Value null at 'stateMachineArn' failed to satisfy constraint: Member must not be null");
        if (arn != machine.Arn)
        {
            throw arn.StartsWith("arn:aws:states:", StringComparison.Ordinal) && arn.Contains(":stateMachine:", StringComparison.Ordinal)
                ? new AwsErrorException("StateMachineDoesNotExist", $"State Machine Does Not Exist: '{arn}'")
                : new AwsErrorException("InvalidArn", $"Invalid Arn: '{arn}'");
        }
    }

    private static AwsErrorException ExpressArn(JsonObject request) =>
        new("InvalidArn", $"Invalid Arn: 'Resource type not valid in this context: express' ({request["executionArn"]?.GetValue<string>()})");

    private static AwsErrorException NotForExpress() =>
        new("StateMachineTypeNotSupported", "This operation is not supported by this type of state machine");

    private static decimal Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000m;
}
