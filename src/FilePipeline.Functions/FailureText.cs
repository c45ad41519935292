using System.Text.Json;

namespace FilePipeline.Functions;

/// <summary>
/// The ledger's lastError: <c>Type: message</c>. A function error's cause is its error JSON
/// (<c>{"errorMessage", "errorType", "stackTrace"}</c>), of which only the message is kept.
/// </summary>
public static class FailureText
{
    public static string Of(string? error, string? cause)
    {
        var type = string.IsNullOrWhiteSpace(error) ? "ExecutionFailed" : error.Trim();
        var message = MessageOf(cause);
        return string.IsNullOrWhiteSpace(message) ? type : $"{type}: {message}";
    }

    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Of(exception.GetType().Name, exception.Message);
    }

    private static string? MessageOf(string? cause)
    {
        var text = cause?.Trim();
        if (text is null || !text.StartsWith('{'))
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.TryGetProperty("errorMessage", out var message) && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
