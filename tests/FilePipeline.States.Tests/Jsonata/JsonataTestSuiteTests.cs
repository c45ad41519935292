using Xunit.Abstractions;

namespace FilePipeline.States.Tests.Jsonata;

/// <summary>
/// Runs a suite in the reference implementation's format. By default the small suite under
/// <c>Jsonata/SuiteFixture</c> (written for this project) must pass completely. To run the reference
/// suite itself: <c>FILEPIPELINE_JSONATA_SUITE=&lt;jsonata checkout&gt;/test/test-suite dotnet test
/// tests/FilePipeline.States.Tests --filter JsonataTestSuiteTests</c>; the per-group report goes to the
/// test output and, when <c>FILEPIPELINE_JSONATA_SUITE_REPORT</c> names a file, to that file.
/// </summary>
public class JsonataTestSuiteTests(ITestOutputHelper output)
{
    private const double RequiredPassRate = 0.95;

    [Fact]
    public void The_suite_passes_at_the_required_rate()
    {
        var directory = Environment.GetEnvironmentVariable("FILEPIPELINE_JSONATA_SUITE");
        var external = !string.IsNullOrEmpty(directory);
        var results = new JsonataSuite(external ? directory! : Path.Combine(AppContext.BaseDirectory, "Jsonata", "SuiteFixture")).Run();
        var report = JsonataSuite.Report(results);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("FILEPIPELINE_JSONATA_SUITE_REPORT") is { Length: > 0 } reportFile)
        {
            File.WriteAllText(reportFile, report);
        }

        Assert.NotEmpty(results);
        var rate = (double)results.Count(r => r.Passed) / results.Count;
        Assert.True(rate >= (external ? RequiredPassRate : 1.0), report);
    }
}
