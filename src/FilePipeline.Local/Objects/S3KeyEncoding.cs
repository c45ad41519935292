using System.Text;

namespace FilePipeline.Local.Objects;

/// <summary>
/// Encodes a key the way S3 writes it into event notifications: form URL encoding, so a space
/// becomes <c>+</c> and a plus <c>%2B</c>; letters, digits, <c>-_.*</c> and <c>/</c> stay as they are;
/// everything else is UTF-8 percent-encoded (e.g. <c>test_file(3).png</c> → <c>test_file%283%29.png</c>).
/// </summary>
internal static class S3KeyEncoding
{
    public static string Encode(string key)
    {
        var encoded = new StringBuilder(key.Length + 16);
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '*' or '/')
            {
                encoded.Append(c);
            }
            else if (c == ' ')
            {
                encoded.Append('+');
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
