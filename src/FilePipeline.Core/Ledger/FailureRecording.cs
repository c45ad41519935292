using System.Globalization;
using System.Text.Json.Nodes;

namespace FilePipeline.Core.Ledger;

/// <summary>
/// The conditional UpdateItem that marks a file FAILED when its work ended without the state
/// machine recording an outcome (docs/reliability.md), shared by the embedded and AWS ledgers so
/// both send the same request. It never touches a PROCESSED or REJECTED file, nor one another
/// execution holds under a live lease, and never creates an item.
/// </summary>
public static class FailureRecording
{
    public const string UpdateExpression = "SET #status = :failed, #lastError = :lastError, #updatedAt = :now REMOVE #leaseUntil";

    public const string ConditionExpression =
        "#status = :failed OR (#status = :processing AND (attribute_not_exists(#claimedBy) OR #claimMessageId = :messageId OR #leaseUntil < :nowEpoch))";

    /// <summary>The longest lastError kept; a cause may be up to 32 KB.</summary>
    public const int MaxErrorLength = 2_000;

    public static Dictionary<string, string> Names() => new(StringComparer.Ordinal)
    {
        ["#status"] = "status",
        ["#lastError"] = "lastError",
        ["#updatedAt"] = "updatedAt",
        ["#leaseUntil"] = "leaseUntil",
        ["#claimedBy"] = "claimedBy",
        ["#claimMessageId"] = "claimMessageId",
    };

    /// <param name="messageId">The message whose executions' claim may be replaced even while its lease runs; null for none.</param>
    public static JsonObject Values(string lastError, string? messageId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lastError);
        return new JsonObject
        {
            [":failed"] = S(FileRecordItem.StatusName(FileStatus.Failed)),
            [":processing"] = S(FileRecordItem.StatusName(FileStatus.Processing)),
            [":lastError"] = S(lastError.Length > MaxErrorLength ? lastError[..MaxErrorLength] : lastError),
            [":now"] = S(FileRecordItem.FormatTimestamp(now)),
            // A message id is never empty, so "" matches no claim.
            [":messageId"] = S(messageId ?? ""),
            [":nowEpoch"] = new JsonObject { ["N"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
        };
    }

    private static JsonObject S(string value) => new() { ["S"] = value };
}
