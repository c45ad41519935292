namespace FilePipeline.Core.Ledger;

/// <summary>
/// One ledger item (architecture.md §2). The pipeline's state machine writes most of it directly
/// through DynamoDB integrations, so the attribute names here are the table's attribute names.
/// </summary>
public sealed record FileRecord
{
    public required string FileId { get; init; }
    public required string Bucket { get; init; }
    public required string Key { get; init; }
    public required string FileName { get; init; }
    public string? VersionId { get; init; }
    public required string ETag { get; init; }
    public long SizeBytes { get; init; }
    public required FileStatus Status { get; init; }
    public long? RowCount { get; init; }
    public long? ColumnCount { get; init; }
    /// <summary>The content checksum, prefixed with its algorithm (e.g. <c>xxh128:…</c>).</summary>
    public string? Checksum { get; init; }
    public int Attempts { get; init; }
    public string? ClaimedBy { get; init; }
    /// <summary>The SQS message whose execution holds the claim: its later receives may take the claim again (docs/reliability.md).</summary>
    public string? ClaimMessageId { get; init; }
    public long? LeaseUntil { get; init; }
    public DateTimeOffset FirstSeenAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? ProcessedAt { get; init; }
    public string? Reason { get; init; }
    public string? LastError { get; init; }
}
