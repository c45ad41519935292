using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FilePipeline.Serve.Tests;

/// <summary>
/// The Debian AWS CLI v2 (<c>/usr/bin/aws</c>, package <c>awscli</c>; .ci/run installs it) against serve: credentials and
/// region in the environment, no config files, <c>--endpoint-url</c> on every command (this version ignores AWS_ENDPOINT_URL).
/// </summary>
public sealed class AwsCli(string endpoint)
{
    public const string Program = "/usr/bin/aws";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    public string SecretAccessKey { get; init; } = ServeOptions.DefaultSecretAccessKey;

    /// <summary>Runs <c>aws {args} --endpoint-url …</c>; fails the test with the CLI's output when it exits non-zero.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        var (exit, output, error) = await TryRunAsync(args);
        Assert.True(exit == 0, $"aws {string.Join(' ', args)} exited {exit}: {output}{error}");
        return output;
    }

    public async Task<JsonNode> JsonAsync(params string[] args) => JsonNode.Parse(await RunAsync([.. args, "--output", "json"]))!;

    public async Task<(int ExitCode, string Output, string Error)> TryRunAsync(params string[] args)
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException($"{Program} is missing: install the Debian AWS CLI v2 with 'apt-get install awscli' (.ci/run does).");
        }

        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.ArgumentList.Add("--endpoint-url");
        start.ArgumentList.Add(endpoint);
        start.Environment["AWS_ACCESS_KEY_ID"] = ServeOptions.DefaultAccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey;
        start.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        start.Environment["AWS_CONFIG_FILE"] = "/nonexistent/aws-config";
        start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/aws-credentials";
        start.Environment["AWS_PAGER"] = "";
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment.Remove("AWS_PROFILE");
        start.Environment.Remove("AWS_SESSION_TOKEN");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        using var cancellation = new CancellationTokenSource(Timeout);
        await process.WaitForExitAsync(cancellation.Token);
        return (process.ExitCode, output, await error);
    }
}
