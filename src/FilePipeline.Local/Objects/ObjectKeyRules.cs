using System.Text;

namespace FilePipeline.Local.Objects;

/// <summary>
/// The keys the embedded store accepts. Files are stored by version id, so a key can never name
/// a path; these rules keep keys portable and unambiguous when the CLI maps them to and from files.
/// </summary>
internal static class ObjectKeyRules
{
    /// <summary>S3's limit: 1,024 bytes of UTF-8.</summary>
    public const int MaxKeyBytes = 1024;

    public static void Validate(string key)
    {
        if (key.Length == 0)
        {
            throw new InvalidObjectKeyException("An object key cannot be empty.");
        }

        if (Encoding.UTF8.GetByteCount(key) > MaxKeyBytes)
        {
            throw new InvalidObjectKeyException($"An object key is at most {MaxKeyBytes} bytes of UTF-8: '{key[..40]}…'.");
        }

        if (key[0] == '/')
        {
            throw new InvalidObjectKeyException($"An object key cannot be an absolute path: '{key}'.");
        }

        if (key.Contains('\\', StringComparison.Ordinal))
        {
            throw new InvalidObjectKeyException($"An object key cannot contain a backslash: '{key}'.");
        }

        if (key.Any(char.IsControl))
        {
            throw new InvalidObjectKeyException("An object key cannot contain control characters.");
        }

        if (key.Split('/').Any(segment => segment is ".." or "."))
        {
            throw new InvalidObjectKeyException($"An object key cannot contain '.' or '..' segments: '{key}'.");
        }
    }
}
