using System.Text.Json.Nodes;

namespace FilePipeline.Cli.Pipeline;

/// <summary>How one upload settled: PROCESSED, DUPLICATE, REJECTED or FAILED (its message in the DLQ).</summary>
internal sealed record FileOutcome(string Path, string FileId, string Outcome, long? Rows, int Attempts, TimeSpan Elapsed, string? Detail)
{
    public const string Processed = "PROCESSED";
    public const string Duplicate = "DUPLICATE";
    public const string Rejected = "REJECTED";
    public const string Failed = "FAILED";

    /// <summary>0 when all PROCESSED or DUPLICATE, 2 when any REJECTED, 3 when any FAILED.</summary>
    public static int ExitCodeOf(IReadOnlyCollection<FileOutcome> outcomes) =>
        outcomes.Any(o => o.Outcome == Failed) ? ExitCodes.Failed
        : outcomes.Any(o => o.Outcome == Rejected) ? ExitCodes.Rejected
        : ExitCodes.Success;

    public string OutcomeText => Outcome == Failed ? "FAILED (in DLQ)" : Outcome;

    public JsonObject ToJson() => new()
    {
        ["file"] = Path,
        ["fileId"] = FileId,
        ["outcome"] = Outcome,
        ["rows"] = Rows,
        ["attempts"] = Attempts,
        ["elapsedMs"] = (long)Elapsed.TotalMilliseconds,
        ["detail"] = Detail,
    };
}
