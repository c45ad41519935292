using System.Diagnostics;

namespace FilePipeline.Aws.Tests.Template;

/// <summary>
/// The npm packages the template tests run or read, installed into <c>&lt;repo&gt;/.tools</c> the first
/// time a test needs them (CI installs them beforehand; npm must be on the PATH).
/// </summary>
internal static class NodeTools
{
    public const string AslValidator = "asl-validator@4.0.0";

    /// <summary>AWS's CloudFormation resource specification, as the CDK ships it (Apache-2.0).</summary>
    public const string ResourceSpecification = "@aws-cdk/cfnspec@2.72.1";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string NodeModules => Path.Combine(RepositoryFiles.Root, ".tools", "node_modules");

    /// <returns>The package's folder under node_modules.</returns>
    public static async Task<string> EnsureInstalledAsync(string package)
    {
        var name = package[..package.LastIndexOf('@')];
        var folder = Path.Combine(NodeModules, name);
        await InstallLock.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(folder, "package.json")))
            {
                var (exitCode, output) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--prefix", Path.Combine(RepositoryFiles.Root, ".tools"), package]);
                Assert.True(exitCode == 0, $"npm install {package} failed ({exitCode}): {output}");
            }

            return folder;
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <returns>The exit code and standard output and error together.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " could not be started.");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + await error);
    }
}
