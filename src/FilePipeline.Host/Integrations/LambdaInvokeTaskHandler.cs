using System.Text.Json.Nodes;
using FilePipeline.Functions.Runtime;
using FilePipeline.States;

namespace FilePipeline.Host.Integrations;

/// <summary>
/// <c>arn:aws:states:::lambda:invoke</c> on the in-process functions: the result is
/// <c>{Payload, StatusCode: 200, ExecutedVersion: "$LATEST"}</c>; a function error fails the task
/// with the exception's short type name and the Lambda error JSON as the cause, as Step Functions reports it.
/// </summary>
public sealed class LambdaInvokeTaskHandler(LocalFunctions functions) : ITaskHandler
{
    public const string Resource = "arn:aws:states:::lambda:invoke";

    public async Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var functionName = request.Input?["FunctionName"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        if (string.IsNullOrEmpty(functionName))
        {
            throw new TaskFailedException("Lambda.InvalidParameterValueException", "lambda:invoke needs Parameters.FunctionName.");
        }

        var function = functions.Find(functionName)
            ?? throw new TaskFailedException("Lambda.ResourceNotFoundException", $"Function not found: {functionName}");
        JsonNode? payload;
        try
        {
            payload = JsonNode.Parse(await functions.InvokeAsync(function, request.Input?["Payload"]?.ToJsonString() ?? "null"));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Every function error becomes the task's error, as the Lambda service reports it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = LambdaError.WithoutStackTrace(e);
            throw new TaskFailedException(error.ErrorType, error.ToJson());
        }

        return new JsonObject
        {
            ["ExecutedVersion"] = "$LATEST",
            ["Payload"] = payload,
            ["StatusCode"] = 200,
        };
    }
}
