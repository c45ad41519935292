using System.Text;
using FilePipeline.Annotations.SourceGenerator;
using FilePipeline.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace FilePipeline.Annotations.Tests.Generator;

/// <summary>
/// The generator's output for <see cref="Inputs.Shop"/> against the reviewed files in Snapshots/,
/// compiled with the input (SourceGenerators.Testing fails on any compiler error in it). After an
/// intended change, <c>UPDATE_SNAPSHOTS=1 dotnet test --filter GeneratorSnapshotTests</c> rewrites
/// them for review in the diff.
/// </summary>
public sealed class GeneratorSnapshotTests
{
    private static readonly string[] Files =
    [
        "GeneratedLambdaFunctions.g.cs",
        "Orders_Drain_Generated.g.cs",
        "Orders_Ping_Generated.g.cs",
        "Orders_PlaceOrder_Generated.g.cs",
    ];

    [Fact]
    public async Task The_wrappers_and_the_registry_with_its_template_fragment_match_the_snapshots_and_compile()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            foreach (var (name, text) in GeneratorTest.Generate(Inputs.Shop))
            {
                await File.WriteAllTextAsync(Snapshot(name), text);
            }
        }

        var test = GeneratorTest.Create(Inputs.Shop);
        foreach (var file in Files)
        {
            var expected = await File.ReadAllTextAsync(Snapshot(file));
            test.TestState.GeneratedSources.Add((typeof(LambdaFunctionGenerator), file, SourceText.From(expected, Encoding.UTF8)));
        }

        await test.RunAsync();
    }

    [Fact]
    public async Task In_executable_mode_the_generated_Main_matches_its_snapshot_and_compiles()
    {
        const string file = "GeneratedProgram.g.cs";
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            await File.WriteAllTextAsync(Snapshot(file), GeneratorTest.Generate(Inputs.ShopExecutable, OutputKind.ConsoleApplication)[file]);
        }

        var test = GeneratorTest.Create(Inputs.ShopExecutable, OutputKind.ConsoleApplication);
        foreach (var name in Files.Append(file))
        {
            var expected = await File.ReadAllTextAsync(Snapshot(name));
            test.TestState.GeneratedSources.Add((typeof(LambdaFunctionGenerator), name, SourceText.From(expected, Encoding.UTF8)));
        }

        await test.RunAsync();
    }

    private static string Snapshot(string name) => RepositoryRoot.Combine(Path.Combine("tests", "FilePipeline.Annotations.Tests", "Snapshots", name));

    [Fact]
    public void The_generator_writes_exactly_the_snapshotted_files()
    {
        Assert.Equal(Files, GeneratorTest.Generate(Inputs.Shop).Keys.Order(StringComparer.Ordinal));
    }
}
