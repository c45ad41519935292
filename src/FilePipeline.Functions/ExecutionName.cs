using System.Globalization;

namespace FilePipeline.Functions;

/// <summary>
/// Names executions after the message and receive they run for, so an execution's history leads
/// back to its message. Step Functions allows 1–80 characters; with logging on, only
/// <c>A–Z a–z 0–9 - _</c>.
/// </summary>
public static class ExecutionName
{
    public const int MaxLength = 80;

    public static string For(string messageId, int receiveCount)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var suffix = "-r" + receiveCount.ToString(CultureInfo.InvariantCulture);
        var stem = messageId.Length > MaxLength - suffix.Length ? messageId[..(MaxLength - suffix.Length)] : messageId;
        return string.Create(stem.Length, stem, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_';
            }
        }) + suffix;
    }
}
