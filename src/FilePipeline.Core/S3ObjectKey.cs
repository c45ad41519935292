using System.Text;
using FilePipeline.Core.Errors;

namespace FilePipeline.Core;

/// <summary>
/// Object keys as S3 event notifications carry them: form-URL-encoded, so <c>+</c> is a space,
/// <c>%2B</c> a plus and anything else outside the unreserved set a UTF-8 percent escape.
/// </summary>
public static class S3ObjectKey
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Encodes a stored key the way S3 writes it into event notifications: form URL encoding, so a space
    /// becomes <c>+</c> and a plus <c>%2B</c>; letters, digits, <c>-_.*</c> and <c>/</c> stay as they are;
    /// everything else is UTF-8 percent-encoded (e.g. <c>test_file(3).png</c> → <c>test_file%283%29.png</c>).
    /// </summary>
    public static string Encode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
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

    /// <summary>Decodes an event key to the key the object is stored under.</summary>
    /// <exception cref="InvalidObjectKeyException">A <c>%</c> not followed by two hex digits, or escapes that are not UTF-8.</exception>
    public static string Decode(string eventKey)
    {
        ArgumentNullException.ThrowIfNull(eventKey);
        if (eventKey.AsSpan().IndexOfAny('%', '+') < 0)
        {
            return eventKey;
        }

        var bytes = new byte[StrictUtf8.GetMaxByteCount(eventKey.Length)];
        var length = 0;
        var position = 0;
        while (position < eventKey.Length)
        {
            var c = eventKey[position];
            if (c == '+')
            {
                bytes[length++] = (byte)' ';
                position++;
            }
            else if (c == '%')
            {
                bytes[length++] = ParseEscape(eventKey, position);
                position += 3;
            }
            else
            {
                var run = eventKey.AsSpan(position);
                var end = run.IndexOfAny('%', '+');
                run = end < 0 ? run : run[..end];
                length += EncodeLiteral(eventKey, run, bytes.AsSpan(length));
                position += run.Length;
            }
        }

        try
        {
            return StrictUtf8.GetString(bytes, 0, length);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidObjectKeyException(eventKey, "its percent escapes are not valid UTF-8", e);
        }
    }

    private static byte ParseEscape(string eventKey, int position)
    {
        if (position + 2 >= eventKey.Length
            || !char.IsAsciiHexDigit(eventKey[position + 1])
            || !char.IsAsciiHexDigit(eventKey[position + 2]))
        {
            throw new InvalidObjectKeyException(eventKey, $"'%' at position {position} is not followed by two hex digits");
        }

        return (byte)((HexValue(eventKey[position + 1]) << 4) | HexValue(eventKey[position + 2]));
    }

    private static int HexValue(char digit) => digit <= '9' ? digit - '0' : (digit | 0x20) - 'a' + 10;

    private static int EncodeLiteral(string eventKey, ReadOnlySpan<char> run, Span<byte> destination)
    {
        try
        {
            return StrictUtf8.GetBytes(run, destination);
        }
        catch (EncoderFallbackException e)
        {
            throw new InvalidObjectKeyException(eventKey, "it holds an unpaired surrogate character", e);
        }
    }
}
