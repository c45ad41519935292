using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FilePipeline.Serve.Console;

/// <summary>
/// The console's Content-Security-Policy headers: nothing from outside serve, no inline script or style
/// but what serve itself wrote (allowed by its SHA-256 hash), no framing by other sites, no forms.
/// </summary>
public static partial class ContentSecurityPolicy
{
    private const string Common = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The console page: its script and stylesheet are files served from serve itself.</summary>
    public const string ForConsole = Common + "; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:";

    /// <summary>
    /// A self-contained page (the execution view) whose stylesheet is its first inline <c>&lt;style&gt;</c>
    /// and whose program is its last inline <c>&lt;script&gt;</c>: only those two are allowed, by hash, so
    /// markup that data might smuggle in between them would neither run nor restyle the page.
    /// </summary>
    public static string ForSelfContainedPage(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var script = InlineScripts().Matches(html).LastOrDefault() is { } last ? Hash(last.Groups[1].Value) : "'none'";
        var style = InlineStyles().Match(html) is { Success: true } first ? Hash(first.Groups[1].Value) : "'none'";
        return $"{Common}; script-src {script}; style-src {style}; img-src data:";
    }

    private static string Hash(string content) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)))}'";

    // Executable scripts only: a JSON data block (type="application/json") is not run, so needs no hash.
    [GeneratedRegex("<script>(.*?)</script>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InlineScripts();

    [GeneratedRegex("<style>(.*?)</style>", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex InlineStyles();
}
