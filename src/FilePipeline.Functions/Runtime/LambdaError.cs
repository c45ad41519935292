using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FilePipeline.Functions.Runtime;

/// <summary>
/// A function error as Lambda reports it, <c>{"errorMessage","errorType","stackTrace"}</c>: the body of the
/// Runtime API's <c>/error</c> and <c>/init/error</c>, Invoke's error payload, and the Cause Step Functions
/// gives a failed <c>lambda:invoke</c>. <see cref="ErrorType"/> is the exception's short type name: it is
/// the Error name Step Functions' Retry and Catch match.
/// </summary>
public sealed record LambdaError(string ErrorMessage, string ErrorType, IReadOnlyList<string> StackTrace)
{
    public const string ContentType = "application/vnd.aws.lambda.error+json";

    /// <summary>Lambda's limit for an error body.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    // Like the .NET Lambda runtime's own writer: quotes and apostrophes in messages stay readable.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static LambdaError From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new LambdaError(exception.Message, exception.GetType().Name, FramesOf(exception));
    }

    /// <summary>
    /// The error of a function run in-process by the local host: its frames are the host's, so they are
    /// left out and a Cause reads the same on every run.
    /// </summary>
    public static LambdaError WithoutStackTrace(Exception exception) => From(exception) with { StackTrace = [] };

    /// <summary>The frames of the exception's stack trace, one a line.</summary>
    public static IReadOnlyList<string> FramesOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (exception.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
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

    /// <summary><see cref="ToJsonBody"/> as text, for a task failure's Cause.</summary>
    public string ToJson() => Encoding.UTF8.GetString(ToJsonBody());

    private byte[] Write(string message, IReadOnlyList<string> stackTrace)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
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
