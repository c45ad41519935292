using System.Text.RegularExpressions;

namespace FilePipeline.Local.Queues;

/// <summary>SQS's request limits, in one place.</summary>
internal static partial class QueueLimits
{
    public const int MaxVisibilityTimeout = 43_200;
    public const int MaxWaitTimeSeconds = 20;

    /// <summary>256 KiB: the limit for one message and for a whole batch.</summary>
    public const int MaxPayloadBytes = 262_144;

    public static void RequireRange(int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            throw new QueueOperationException(QueueErrorCodes.InvalidParameterValue, $"Value {value} for parameter {name} is invalid. Reason: must be between {min} and {max}.");
        }
    }

    public static void RequireQueueName(string name)
    {
        if (!QueueName().IsMatch(name))
        {
            throw new QueueOperationException(QueueErrorCodes.InvalidParameterValue, $"Queue name '{name}' is invalid: use 1 to 80 letters, digits, hyphens and underscores.");
        }
    }

    public static bool IsValidBatchEntryId(string id) => BatchEntryId().IsMatch(id);

    /// <summary>SQS accepts #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF; lone surrogates are not characters.</summary>
    public static bool HasOnlyAllowedCharacters(string body)
    {
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (char.IsHighSurrogate(c) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]))
            {
                i++;
                continue;
            }

            var allowed = c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex QueueName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,80}$")]
    private static partial Regex BatchEntryId();
}
