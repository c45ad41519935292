using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.Aws.Lambda;

/// <summary>
/// What a redrive needs of Lambda's record of an asynchronous invocation that failed every attempt
/// (the OnFailure destination's message): the function (<c>requestContext.functionArn</c>) and
/// the event it was given (<c>requestPayload</c>).
/// </summary>
public sealed record FailedInvocationRecord(string FunctionArn, string RequestPayload)
{
    /// <exception cref="FormatException">The message is not such a record.</exception>
    public static FailedInvocationRecord Parse(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is JsonObject record
                && record["requestContext"]?["functionArn"] is JsonValue arn && arn.TryGetValue<string>(out var functionArn)
                && record["requestPayload"] is { } payload)
            {
                return new FailedInvocationRecord(functionArn, payload.ToJsonString());
            }
        }
        catch (JsonException)
        {
            // Reported below with the rest.
        }

        throw new FormatException("the message is not a Lambda invocation record (requestContext.functionArn and requestPayload), so there is no invocation to repeat; `dlq list` shows it.");
    }
}
