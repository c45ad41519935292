namespace FilePipeline.Core.Ledger;

/// <summary>The ledger status of one upload; stored as the upper-case name.</summary>
public enum FileStatus
{
    Processing,
    Processed,
    Rejected,
    Failed,
}
