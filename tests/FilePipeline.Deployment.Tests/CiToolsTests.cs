using System.Text.RegularExpressions;
using FilePipeline.Testing.Tools;

namespace FilePipeline.Deployment.Tests;

public sealed partial class CiToolsTests
{
    [Fact]
    public void CI_installs_exactly_the_pinned_npm_tools_the_tests_install()
    {
        var script = File.ReadAllText(RepositoryFiles.PathOf(".ci/run"));

        var pinned = PinnedPackage().Matches(script).Select(m => m.Value);

        Assert.Equal(NpmTools.Packages.Order(StringComparer.Ordinal), pinned.Order(StringComparer.Ordinal));
    }

    // name@major.minor.patch, scoped or not, as npm install takes it.
    [GeneratedRegex(@"(?<![\w@/.-])(@[a-z0-9-]+/)?[a-z0-9][a-z0-9.-]*@\d+\.\d+\.\d+(?![\w.])")]
    private static partial Regex PinnedPackage();
}
