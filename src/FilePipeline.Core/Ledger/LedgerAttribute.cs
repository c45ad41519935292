namespace FilePipeline.Core.Ledger;

/// <summary>
/// The attributes of a ledger item; the names are the item's attribute names in Pascal case, in the order
/// <see cref="FileRecordItem.ToItem"/> writes them (the reader expects each name to follow the one before).
/// </summary>
internal enum LedgerAttribute
{
    FileId,
    Bucket,
    Key,
    FileName,
    ETag,
    SizeBytes,
    Status,
    Attempts,
    FirstSeenAt,
    UpdatedAt,
    VersionId,
    RowCount,
    ColumnCount,
    Checksum,
    ClaimedBy,
    ClaimMessageId,
    LeaseUntil,
    ProcessedAt,
    Reason,
    LastError,
}
