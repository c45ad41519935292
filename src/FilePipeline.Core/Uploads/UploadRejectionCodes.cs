namespace FilePipeline.Core.Uploads;

/// <summary>The stable codes of <see cref="UploadRejection.Code"/>; they are stored in the ledger, so never rename one.</summary>
public static class UploadRejectionCodes
{
    public const string FolderMarker = nameof(FolderMarker);
    public const string KeyTooLong = nameof(KeyTooLong);
    public const string UnsupportedSuffix = nameof(UnsupportedSuffix);
    public const string Empty = nameof(Empty);
    public const string TooLarge = nameof(TooLarge);
    public const string Binary = nameof(Binary);
    public const string NotUtf8 = nameof(NotUtf8);
}
