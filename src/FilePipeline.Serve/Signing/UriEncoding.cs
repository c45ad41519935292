using System.Text;

namespace FilePipeline.Serve.Signing;

/// <summary>SigV4's URI encoding: every byte but the RFC 3986 unreserved characters as %XX (upper case).</summary>
public static class UriEncoding
{
    public static string Encode(string text, bool keepSlash)
    {
        ArgumentNullException.ThrowIfNull(text);
        var encoded = new StringBuilder(text.Length);
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' || (keepSlash && c == '/'))
            {
                encoded.Append(c);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}
