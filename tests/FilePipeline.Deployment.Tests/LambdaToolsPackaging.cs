using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using System.Xml.XPath;
using FilePipeline.Testing.Tools;

namespace FilePipeline.Deployment.Tests;

/// <summary>The machine <c>dotnet lambda deploy-serverless</c> runs on, as far as its packaging decisions look at it.</summary>
internal sealed record LambdaToolsHost(string Architecture, bool IsAmazonLinux)
{
    public static LambdaToolsHost Current { get; } = new(
        System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture == System.Runtime.InteropServices.Architecture.Arm64 ? "arm64" : "x86_64",
        File.Exists("/etc/os-release") && File.ReadAllText("/etc/os-release").Contains("NAME=\"Amazon Linux\"", StringComparison.Ordinal));
}

/// <summary>
/// How Amazon.Lambda.Tools' <c>deploy-serverless</c> packages one function of a JSON template,
/// reproduced from its open source (TemplateProcessorManager, PackageCommand, LambdaPackager,
/// LambdaDotNetCLIWrapper.GetPublishArguments, Utilities.LookPublishAotFlag and
/// HasExplicitSelfContainedFlag, LambdaUtilities.ValidateNativeAotArchitecture): which folder and
/// defaults file it uses, whether it builds Native AOT, in a container or not, and the exact
/// <c>dotnet publish</c> arguments. Only the paths it passes (project and output) are left out.
/// </summary>
internal sealed record LambdaToolsPackaging(
    string CodeUri,
    string? DefaultsFile,
    string Architecture,
    bool NativeAot,
    bool InContainer,
    IReadOnlyList<string> PublishArguments)
{
    private const string DefaultsFileName = "aws-lambda-tools-defaults.json";

    /// <summary>Thrown where the tool stops with MismatchedNativeAotArchitectures.</summary>
    public sealed class MismatchedNativeAotArchitecturesException(string message) : Exception(message);

    public static async Task<LambdaToolsPackaging> PlanAsync(JsonObject template, string function, LambdaToolsHost host, string repositoryRoot)
    {
        var properties = template["Resources"]![function]!["Properties"]!;
        var globals = template["Globals"]?["Function"];
        var codeUri = (string?)(properties[nameof(CodeUri)] ?? globals?[nameof(CodeUri)]) ?? ".";
        var workingDirectory = Path.GetFullPath(Path.Combine(repositoryRoot, codeUri));

        // The package command runs in the CodeUri folder and reads the defaults file found there; the
        // root file's configuration, framework and msbuild-parameters apply only when CodeUri is ".".
        var defaultsPath = Path.Combine(workingDirectory, DefaultsFileName);
        var defaults = File.Exists(defaultsPath) ? JsonNode.Parse(File.ReadAllText(defaultsPath))!.AsObject() : [];
        var msbuildParameters = (string?)defaults["msbuild-parameters"];
        var configuration = (string?)defaults["configuration"] is { Length: > 0 } configured ? configured : "Release";

        var architecture = ArchitectureOf(properties["Architectures"] ?? globals?["Architectures"]) ?? (string?)defaults["function-architecture"] ?? "x86_64";
        var project = Assert.Single(Directory.GetFiles(workingDirectory, "*.csproj"));
        var lookup = await LookupProjectPropertiesAsync(project, msbuildParameters, "PublishAot", "SelfContained");

        // provided.al2023 names no framework: the project's, looked up without the msbuild-parameters.
        var framework = (await LookupProjectPropertiesAsync(project, null, "TargetFramework", "TargetFrameworks"))["TargetFramework"];

        var nativeAot = PublishAotFlag(msbuildParameters) ?? (lookup.TryGetValue("PublishAot", out var aot) && bool.TryParse(aot, out var isAot) && isAot);
        if (nativeAot && architecture != host.Architecture)
        {
            throw new MismatchedNativeAotArchitecturesException($"Host machine architecture ({host.Architecture}) differs from Lambda architecture ({architecture}).");
        }

        // Native AOT off Amazon Linux builds in a SAM build image; that path passes the AOT flag on to
        // the publish arguments, the host path does not (it publishes "--self-contained False").
        var inContainer = nativeAot && !host.IsAmazonLinux;
        var explicitSelfContained = (msbuildParameters?.Contains("--self-contained", StringComparison.OrdinalIgnoreCase) ?? false)
            || (lookup.TryGetValue("SelfContained", out var selfContained) && bool.TryParse(selfContained, out var isSelfContained) && isSelfContained);

        List<string> arguments = ["publish", "--configuration", configuration, "--framework", framework];
        arguments.AddRange(msbuildParameters?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []);
        arguments.Add("/p:GenerateRuntimeConfigurationFiles=true");
        if (msbuildParameters?.Contains("--runtime", StringComparison.OrdinalIgnoreCase) != true)
        {
            arguments.AddRange(["--runtime", architecture == "arm64" ? "linux-arm64" : "linux-x64"]);
        }

        if (!explicitSelfContained)
        {
            arguments.AddRange(["--self-contained", inContainer ? "True" : "False"]);
        }

        if (inContainer)
        {
            arguments.Add("/p:StripSymbols=true");
        }

        return new(codeUri, File.Exists(defaultsPath) ? defaultsPath : null, architecture, nativeAot, inContainer, arguments);
    }

    // A literal arm64 or x86_64; anything else (a Ref, say) leaves the tool without an architecture.
    private static string? ArchitectureOf(JsonNode? architectures) => architectures switch
    {
        null => null,
        JsonArray { Count: 1 } single when single[0] is JsonValue value && (string?)value is "arm64" or "x86_64" => (string?)value,
        JsonArray { Count: > 1 } => throw new InvalidDataException("More than one architecture: the tool refuses to package."),
        _ => null,
    };

    private static bool? PublishAotFlag(string? msbuildParameters)
    {
        var squeezed = string.Concat((msbuildParameters ?? "").Where(c => !char.IsWhiteSpace(c))).ToLowerInvariant();
        return squeezed.Contains("publishaot=true", StringComparison.Ordinal) ? true
            : squeezed.Contains("publishaot=false", StringComparison.Ordinal) ? false
            : null;
    }

    // `dotnet msbuild -getProperty` with the msbuild-parameters appended; when that fails (msbuild
    // rejects publish switches such as --self-contained) the tool reads the project file's XML only.
    private static async Task<Dictionary<string, string>> LookupProjectPropertiesAsync(string project, string? msbuildParameters, params string[] names)
    {
        List<string> arguments = ["msbuild", project, "-nologo", "--getProperty:" + string.Join(",", names)];
        arguments.AddRange(msbuildParameters?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? []);
        var (exitCode, output) = await ChildProcess.RunAsync("dotnet", arguments);
        if (exitCode == 0)
        {
            using var json = JsonDocument.Parse(output);
            return json.RootElement.GetProperty("Properties").EnumerateObject()
                .Where(p => p.Value.GetString() is { Length: > 0 })
                .ToDictionary(p => p.Name, p => p.Value.GetString()!);
        }

        var xml = XDocument.Load(project);
        return names
            .Select(name => (name, value: xml.XPathSelectElement("//PropertyGroup/" + name)?.Value))
            .Where(p => !string.IsNullOrWhiteSpace(p.value))
            .ToDictionary(p => p.name, p => p.value!);
    }
}
