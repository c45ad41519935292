using System.Globalization;
using System.Text;

namespace FilePipeline.States.Jsonata;

/// <summary>URL encoding as JavaScript's encodeURI/encodeURIComponent and their decoders do it.</summary>
internal static partial class Builtins
{
    private const string ComponentSafe = "-_.!~*'()";
    private const string UriReserved = ";,/?:@&=+$#";

    private static string? EncodeUri(CallContext context, object? value, bool component)
    {
        if (value is not string s)
        {
            return null;
        }

        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiLetterOrDigit(c) || ComponentSafe.Contains(c, StringComparison.Ordinal) || (!component && UriReserved.Contains(c, StringComparison.Ordinal)))
            {
                result.Append(c);
                continue;
            }

            string unit;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                unit = s.Substring(i++, 2);
            }
            else if (char.IsSurrogate(c))
            {
                throw Errors.Create("D3140", null, context.Name, s);
            }
            else
            {
                unit = c.ToString();
            }

            foreach (var b in Encoding.UTF8.GetBytes(unit))
            {
                result.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return result.ToString();
    }

    private static string? DecodeUri(CallContext context, object? value, bool component)
    {
        if (value is not string s)
        {
            return null;
        }

        var result = new StringBuilder(s.Length);
        var bytes = new List<byte>();
        var strict = new UTF8Encoding(false, true);
        for (var i = 0; i < s.Length;)
        {
            if (s[i] != '%')
            {
                result.Append(s[i++]);
                continue;
            }

            var start = i;
            bytes.Clear();
            while (i < s.Length && s[i] == '%')
            {
                if (i + 2 >= s.Length || !byte.TryParse(s.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    throw Errors.Create("D3140", null, context.Name, s);
                }

                bytes.Add(b);
                i += 3;
                if (b < 0x80)
                {
                    break;
                }
            }

            string decoded;
            try
            {
                decoded = strict.GetString([.. bytes]);
            }
            catch (DecoderFallbackException)
            {
                throw Errors.Create("D3140", null, context.Name, s);
            }

            result.Append(!component && decoded.Length == 1 && UriReserved.Contains(decoded[0], StringComparison.Ordinal) ? s[start..i] : decoded);
        }

        return result.ToString();
    }
}
