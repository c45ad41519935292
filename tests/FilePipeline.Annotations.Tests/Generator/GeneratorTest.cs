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
    private static readonly string[] Assemblies = [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)];

    /// <summary>Everything but this test assembly, whose own functions (Sample/) no input should see.</summary>
    private static readonly MetadataReference[] References = [.. Except(typeof(GeneratorTest).Assembly.GetName().Name!)];

    /// <summary>Also without FilePipeline.Functions: no referenced assembly has functions an executable could run.</summary>
    private static readonly MetadataReference[] ReferencesWithoutFunctions = [.. Except(typeof(GeneratorTest).Assembly.GetName().Name!, "FilePipeline.Functions")];

    /// <param name="withFunctionsAssembly">False leaves FilePipeline.Functions (and its generated registry) out of the references.</param>
    public static CSharpSourceGeneratorTest<LambdaFunctionGenerator, DefaultVerifier> Create(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, bool withFunctionsAssembly = true)
    {
        var test = new CSharpSourceGeneratorTest<LambdaFunctionGenerator, DefaultVerifier>
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0"),
        };
        test.TestState.Sources.Add(source);
        test.TestState.AdditionalReferences.AddRange(withFunctionsAssembly ? References : ReferencesWithoutFunctions);
        test.TestState.OutputKind = outputKind;
        return test;
    }

    /// <summary>The generated sources by hint name, straight from a generator driver.</summary>
    public static IReadOnlyDictionary<string, string> Generate(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary)
    {
        var result = Run(Compilation("TestProject", source, outputKind), out _).GetRunResult();
        return result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());
    }

    /// <summary>A compilation of <paramref name="source"/> against this run's assemblies and <paramref name="extraReferences"/>.</summary>
    public static CSharpCompilation Compilation(string assemblyName, string source, OutputKind outputKind, params MetadataReference[] extraReferences) =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            [.. References, .. extraReferences],
            new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>Runs the generator; <paramref name="output"/> is the compilation with the generated sources added.</summary>
    public static GeneratorDriver Run(CSharpCompilation compilation, out Compilation output) =>
        CSharpGeneratorDriver.Create(new LambdaFunctionGenerator()).RunGeneratorsAndUpdateCompilation(compilation, out output, out _);

    private static IEnumerable<MetadataReference> Except(params string[] names) =>
        Assemblies.Where(path => !names.Contains(Path.GetFileNameWithoutExtension(path))).Select(path => MetadataReference.CreateFromFile(path));
}
