using System.Buffers;
using System.Text.Json;

namespace FilePipeline.Lambda.Runtime;

/// <summary>
/// The body Lambda expects for <c>/error</c> and <c>/init/error</c>. <see cref="ErrorType"/> is the
/// exception's short type name: it is the Error name Step Functions' Retry and Catch match.
/// </summary>
public sealed record LambdaError(string ErrorMessage, string ErrorType, IReadOnlyList<string> StackTrace)
{
    public const string ContentType = "application/vnd.aws.lambda.error+json";

    /// <summary>Lambda's limit for an error body.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static LambdaError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var frames = (exception.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new LambdaError(exception.Message, exception.GetType().Name, frames);
    }

    /// <summary>The JSON body, within <see cref="MaxBodyBytes"/>: the stack trace goes first, then the message is cut.</summary>
    public byte[] ToJsonBody()
    {
        var body = Write(ErrorMessage, StackTrace);
        if (body.Length <= MaxBodyBytes)
        {
            return body;
        }

        body = Write(ErrorMessage, []);
        if (body.Length <= MaxBodyBytes)
        {
            return body;
        }

        // Escaping can grow a character to six bytes; a quarter of the limit in characters always fits.
        return Write(ErrorMessage[..(MaxBodyBytes / 8)] + " [truncated]", []);
    }

    private byte[] Write(string message, IReadOnlyList<string> stackTrace)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("errorMessage", message);
            json.WriteString("errorType", ErrorType);
            json.WriteStartArray("stackTrace");
            foreach (var frame in stackTrace)
            {
                json.WriteStringValue(frame);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
