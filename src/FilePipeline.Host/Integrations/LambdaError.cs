using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.Host.Integrations;

/// <summary>A function error as the Lambda runtime reports it: errorType is the exception's short type name.</summary>
public static class LambdaError
{
    // Like the Lambda runtime's serializer: quotes and apostrophes in messages stay readable.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string TypeOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.GetType().Name;
    }

    /// <summary>The error document <c>{"errorMessage","errorType","stackTrace":[]}</c> Step Functions puts in a task failure's Cause.</summary>
    public static string ToJson(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new JsonObject
        {
            ["errorMessage"] = exception.Message,
            ["errorType"] = TypeOf(exception),
            ["stackTrace"] = new JsonArray(),
        }.ToJsonString(Options);
    }
}
