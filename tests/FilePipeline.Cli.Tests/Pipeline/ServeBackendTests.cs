using FilePipeline.Cli.Tests.Crash;
using FilePipeline.Serve;
using FilePipeline.Testing.Emulators;

namespace FilePipeline.Cli.Tests.Pipeline;

/// <summary>`--backend aws` pointed at `filepipeline serve --no-pipeline`: our AWS adapters against our own server run the demo.</summary>
public sealed class ServeBackendTests : IDisposable
{
    private readonly PipelineProcess server = new();
    private readonly CliHarness cli = new();

    public void Dispose()
    {
        cli.Dispose();
        server.Dispose();
    }

    [Fact]
    public async Task The_demo_scenarios_behave_with_serve_as_the_aws_backend()
    {
        var port = LoopbackPort.Free();
        using var serve = server.Start(faults: null, shortVisibility: false, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-pipeline");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!serve.Output.Contains("serving ", StringComparison.Ordinal))
        {
            Assert.False(serve.HasExited || DateTime.UtcNow > deadline, "serve did not start: " + serve.Output);
            await Task.Delay(50);
        }

        cli.With("AWS_ENDPOINT_URL", $"http://127.0.0.1:{port}")
            .With("AWS_REGION", "us-east-1")
            .With("AWS_ACCESS_KEY_ID", ServeOptions.DefaultAccessKeyId)
            .With("AWS_SECRET_ACCESS_KEY", ServeOptions.DefaultSecretAccessKey);
        var result = await cli.RunAsync("demo", "--backend", "aws");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        foreach (var expectation in new[]
        {
            "✓ as expected: PROCESSED with rowCount 5",
            "✓ as expected: DUPLICATE, and still 1 ledger record",
            "✓ as expected: 3 receives, then the DLQ; ledger FAILED with attempts 3 and lastError",
            "✓ as expected: REJECTED with the line number in the reason",
        })
        {
            Assert.Contains(expectation, result.Output, StringComparison.Ordinal);
        }

        // The ledger lives in serve's state directory: its own `files` command sees the demo's records.
        var files = await server.JsonAsync("files");
        Assert.Equal(["FAILED", "PROCESSED", "REJECTED"], files.Select(f => f["status"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        serve.Kill();
    }
}
