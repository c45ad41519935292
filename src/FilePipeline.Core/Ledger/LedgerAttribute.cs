namespace FilePipeline.Core.Ledger;

/// <summary>The attributes of a ledger item; the names are the item's attribute names in Pascal case.</summary>
internal enum LedgerAttribute
{
    FileId,
    Bucket,
    Key,
    FileName,
    VersionId,
    ETag,
    SizeBytes,
    Status,
    RowCount,
    ColumnCount,
    Checksum,
    Attempts,
    ClaimedBy,
    ClaimMessageId,
    LeaseUntil,
    FirstSeenAt,
    UpdatedAt,
    ProcessedAt,
    Reason,
    LastError,
}
