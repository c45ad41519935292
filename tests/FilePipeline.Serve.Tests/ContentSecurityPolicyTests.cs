using System.Security.Cryptography;
using System.Text;
using FilePipeline.Serve.Console;

namespace FilePipeline.Serve.Tests;

public sealed class ContentSecurityPolicyTests
{
    [Fact]
    public void A_self_contained_page_allows_its_stylesheet_and_program_by_hash_and_nothing_smuggled_between()
    {
        const string Page = "<html><head><style>b{}</style></head><body><p>x</p><script>alert(1)</script><style>i{}</style><script type=\"application/json\">{}</script><script>run()</script></body></html>";

        var policy = ContentSecurityPolicy.ForSelfContainedPage(Page);

        Assert.Contains($"script-src {Hash("run()")};", policy, StringComparison.Ordinal);
        Assert.Contains($"style-src {Hash("b{}")};", policy, StringComparison.Ordinal);
        Assert.DoesNotContain(Hash("alert(1)"), policy, StringComparison.Ordinal);
        Assert.DoesNotContain(Hash("i{}"), policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public void A_page_without_inline_code_allows_none() =>
        Assert.Contains("script-src 'none'; style-src 'none'", ContentSecurityPolicy.ForSelfContainedPage("<p>plain</p>"), StringComparison.Ordinal);

    private static string Hash(string content) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(content)))}'";
}
