namespace FilePipeline.Core.Errors;

/// <summary>An S3 event carried an object key that is not valid form-URL-encoded UTF-8.</summary>
public sealed class InvalidObjectKeyException(string encodedKey, string reason, Exception? innerException = null)
    : PermanentFileException($"The object key '{encodedKey}' cannot be decoded: {reason}.", innerException)
{
    /// <summary>The key exactly as the event carried it.</summary>
    public string EncodedKey { get; } = encodedKey;
}
