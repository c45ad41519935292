using System.Runtime.Loader;
using FilePipeline.Functions.Runtime;
using Microsoft.CodeAnalysis;

namespace FilePipeline.Annotations.Tests.Generator;

/// <summary>
/// Executable mode across assemblies, as the bootstrap uses it: the functions live in a library,
/// the executable has only GenerateMain, and its generated Main runs the functions of every
/// assembly it references.
/// </summary>
public sealed class GeneratedMainTests
{
    [Fact]
    public void An_executable_without_functions_of_its_own_runs_those_of_the_library_it_references()
    {
        var library = Build(GeneratorTest.Compilation("Shop.Functions", Inputs.Shop, OutputKind.DynamicallyLinkedLibrary));
        var executable = Build(GeneratorTest.Compilation("TestProject", Inputs.GenerateMain + Inputs.RunLoop, OutputKind.ConsoleApplication, MetadataReference.CreateFromImage(library)));

        var context = new AssemblyLoadContext("generated-main", isCollectible: true);
        try
        {
            context.LoadFromStream(new MemoryStream(library));
            var program = context.LoadFromStream(new MemoryStream(executable)).GetType("TestProject.GeneratedProgram", throwOnError: true)!;
            var functions = (LambdaFunctionRegistry)program.GetProperty("Functions")!.GetValue(null)!;

            // Also FilePipeline.Functions', which every compilation here references.
            string[] expected = ["Drain", "Ping", "PlaceOrder", .. FilePipeline.Functions.GeneratedLambdaFunctions.Registry.Names];
            Assert.Equal(expected.Order(StringComparer.Ordinal), functions.Names);
            Assert.Equal(program, program.Assembly.EntryPoint?.DeclaringType);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Runs the generator and emits the assembly; any error in the result fails the test.</summary>
    private static byte[] Build(Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation)
    {
        GeneratorTest.Run(compilation, out var output);
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return image.ToArray();
    }
}
