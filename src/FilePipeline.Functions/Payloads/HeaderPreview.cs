using System.Text.Json;

namespace FilePipeline.Functions.Payloads;

/// <summary>
/// The leading header names that fit a byte budget, so InspectFile's result stays far below Step
/// Functions' 256 KiB payload limit whatever the file's header (a 25,000-column header is 400 KB).
/// </summary>
public static class HeaderPreview
{
    /// <summary>The most bytes the header's names may take in the result's JSON.</summary>
    public const int ByteBudget = 16 * 1024;

    /// <summary>The names, in order, whose JSON (escaped, quoted, comma-separated) fits <paramref name="byteBudget"/>.</summary>
    /// <returns>The names kept and whether any was left out.</returns>
    public static (IReadOnlyList<string> Names, bool Truncated) Of(IReadOnlyList<string> header, int byteBudget = ByteBudget)
    {
        ArgumentNullException.ThrowIfNull(header);
        var used = 0;
        for (var i = 0; i < header.Count; i++)
        {
            // Measured as the serializer writes it: escaped UTF-8 between quotes, plus a comma.
            used += JsonEncodedText.Encode(header[i]).EncodedUtf8Bytes.Length + 3;
            if (used > byteBudget)
            {
                return ([.. header.Take(i)], true);
            }
        }

        return (header, false);
    }
}
