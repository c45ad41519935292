using FilePipeline.Annotations.SourceGenerator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace FilePipeline.Annotations.Tests.Generator;

/// <summary>
/// The generator over a small source, compiled against this test run's own assemblies (the .NET
/// runtime, FilePipeline.Annotations and .Functions, Microsoft.Extensions.DependencyInjection), so
/// no reference pack is downloaded.
/// </summary>
internal static class GeneratorTest
{
    private static readonly MetadataReference[] References =
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(path => MetadataReference.CreateFromFile(path))];

    public static CSharpSourceGeneratorTest<LambdaFunctionGenerator, DefaultVerifier> Create(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var test = new CSharpSourceGeneratorTest<LambdaFunctionGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.Sources.Add(source);
        test.TestState.AdditionalReferences.AddRange(References);
        test.TestState.OutputKind = outputKind;
        return test;
    }

    /// <summary>The generated sources by hint name, straight from a generator driver.</summary>
    public static IReadOnlyDictionary<string, string> Generate(string source)
    {
        var compilation = CSharpCompilation.Create(
            "TestProject",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var result = CSharpGeneratorDriver.Create(new LambdaFunctionGenerator()).RunGenerators(compilation).GetRunResult();
        return result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }
}
