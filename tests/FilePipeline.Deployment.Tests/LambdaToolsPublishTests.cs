using System.Text.Json.Nodes;
using FilePipeline.Testing.Tools;

namespace FilePipeline.Deployment.Tests;

/// <summary>
/// <c>dotnet lambda deploy-serverless</c> builds what provided.al2023 runs: for every function of the
/// template, the tool's own packaging decision (reproduced in <see cref="LambdaToolsPackaging"/>)
/// is a self-contained Native AOT publish, and that publish, run on this host, leaves one native
/// <c>bootstrap</c> and no managed entry point.
/// </summary>
public sealed class LambdaToolsPublishTests
{
    private static readonly string Root = RepositoryFiles.PathOf(".");
    private static readonly JsonObject Template = RepositoryFiles.ReadJson("serverless.template");
    private static readonly LambdaToolsHost BuildContainerHost = new("x86_64", IsAmazonLinux: false);
    private static readonly LambdaToolsHost AmazonLinuxHost = new("x86_64", IsAmazonLinux: true);

    private static IEnumerable<string> Functions => Template["Resources"]!.AsObject()
        .Where(r => (string?)r.Value!["Type"] == SamTemplate.FunctionType)
        .Select(r => r.Key);

    [Fact]
    public async Task Every_function_is_built_as_Native_AOT_from_the_Lambda_project_with_the_defaults_file_in_its_folder()
    {
        foreach (var function in Functions)
        {
            var packaging = await LambdaToolsPackaging.PlanAsync(Template, function, BuildContainerHost, Root);

            Assert.Equal(RepositoryFiles.PathOf("src/FilePipeline.Lambda/aws-lambda-tools-defaults.json"), packaging.DefaultsFile);
            Assert.True(packaging.NativeAot, function);
            Assert.True(packaging.InContainer, function);
            Assert.Equal("x86_64", packaging.Architecture);
        }
    }

    [Fact]
    public async Task The_publish_is_self_contained_in_the_build_container_and_on_an_Amazon_Linux_host_alike()
    {
        foreach (var host in new[] { BuildContainerHost, AmazonLinuxHost })
        {
            var packaging = await LambdaToolsPackaging.PlanAsync(Template, Functions.First(), host, Root);

            Assert.Equal("true", SelfContained(packaging.PublishArguments), ignoreCase: true);
            Assert.Equal("linux-x64", ValueAfter(packaging.PublishArguments, "--runtime"));
            Assert.Contains("/p:GenerateRuntimeConfigurationFiles=true", packaging.PublishArguments);
        }
    }

    [Fact]
    public async Task An_arm64_host_is_refused_as_the_tool_refuses_it_until_it_applies_the_documented_substitution()
    {
        var arm64Host = new LambdaToolsHost("arm64", IsAmazonLinux: false);
        var substitution = "$.Globals.Function.Architectures[0]=arm64";
        var substituted = Template.DeepClone().AsObject();
        substituted["Globals"]!["Function"]!["Architectures"]![0] = "arm64";

        await Assert.ThrowsAsync<LambdaToolsPackaging.MismatchedNativeAotArchitecturesException>(() => LambdaToolsPackaging.PlanAsync(Template, Functions.First(), arm64Host, Root));
        var packaging = await LambdaToolsPackaging.PlanAsync(substituted, Functions.First(), arm64Host, Root);

        Assert.Contains(substitution, File.ReadAllText(RepositoryFiles.PathOf("docs/deploy.md")), StringComparison.Ordinal);
        Assert.Equal("linux-arm64", ValueAfter(packaging.PublishArguments, "--runtime"));
        Assert.Equal("true", SelfContained(packaging.PublishArguments), ignoreCase: true);
    }

    [Fact]
    public async Task CI_publishes_the_bootstrap_with_exactly_the_arguments_the_tool_uses_on_an_x86_64_host()
    {
        var packaging = await LambdaToolsPackaging.PlanAsync(Template, Functions.First(), BuildContainerHost, Root);

        Assert.Equal(packaging.PublishArguments, CiPublishArguments());
    }

    // CI publishes once (.ci/run) and names the result in FILEPIPELINE_BOOTSTRAP; elsewhere this test
    // runs the tool's publish itself.
    [Fact]
    public async Task The_tools_publish_on_this_host_leaves_one_native_bootstrap_and_no_managed_entry_point()
    {
        var packaging = await LambdaToolsPackaging.PlanAsync(Template, Functions.First(), LambdaToolsHost.Current, Root);
        var published = Environment.GetEnvironmentVariable("FILEPIPELINE_BOOTSTRAP") is { Length: > 0 } ci && packaging.PublishArguments.SequenceEqual(CiPublishArguments())
            ? Path.GetDirectoryName(ci)!
            : await PublishAsync(packaging);

        var files = Directory.GetFiles(published).Select(Path.GetFileName).ToList();
        var executables = files.Where(f => IsElf(Path.Combine(published, f!))).ToList();

        Assert.Equal(["bootstrap"], executables);
        Assert.Equal(packaging.Architecture == "arm64" ? ElfAarch64 : ElfX86_64, ElfMachine(Path.Combine(published, "bootstrap")));
        Assert.DoesNotContain(files, f => f!.EndsWith(".dll", StringComparison.Ordinal) || f.EndsWith(".runtimeconfig.json", StringComparison.Ordinal) || f.EndsWith(".deps.json", StringComparison.Ordinal));
    }

    private const int ElfX86_64 = 0x3E;
    private const int ElfAarch64 = 0xB7;

    private static async Task<string> PublishAsync(LambdaToolsPackaging packaging)
    {
        var output = Directory.CreateTempSubdirectory("filepipeline-lambda-tools-").FullName;
        var project = RepositoryFiles.PathOf(packaging.CodeUri);
        var (exitCode, log) = await ChildProcess.RunAsync("dotnet", [packaging.PublishArguments[0], project, "--output", output, .. packaging.PublishArguments.Skip(1)]);
        Assert.True(exitCode == 0, log);
        return output;
    }

    // The `dotnet publish` line of .ci/run without its project and output paths.
    private static List<string> CiPublishArguments()
    {
        var line = File.ReadAllLines(RepositoryFiles.PathOf(".ci/run")).Single(l => l.StartsWith("dotnet publish ", StringComparison.Ordinal));
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var output = words.IndexOf("--output");
        words.RemoveRange(output, 2);
        words.RemoveAt(1);
        return words;
    }

    private static string? ValueAfter(IReadOnlyList<string> arguments, string option)
    {
        var index = arguments.ToList().LastIndexOf(option);
        return index >= 0 && index + 1 < arguments.Count ? arguments[index + 1] : null;
    }

    private static string? SelfContained(IReadOnlyList<string> arguments) => ValueAfter(arguments, "--self-contained");

    private static bool IsElf(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return file.Read(magic) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }

    private static int ElfMachine(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> header = stackalloc byte[20];
        file.ReadExactly(header);
        return header[18] | header[19] << 8;
    }
}
