using FilePipeline.Functions.Runtime;

namespace FilePipeline.Functions.Tests.Runtime;

public sealed class LambdaFunctionRegistryTests
{
    private static readonly LambdaHandler Noop = (_, _, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty);

    [Fact]
    public void Only_the_selected_function_is_built_with_the_host_services_it_was_given()
    {
        var built = new List<string>();
        Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> hostServices = _ => { };
        var registry = new LambdaFunctionRegistry(
        [
            new LambdaFunctionDescriptor("A", "AFunction", _ => { built.Add("A"); return Noop; }),
            new LambdaFunctionDescriptor("B", "BFunction", configure => { built.Add(configure == hostServices ? "B with host services" : "B"); return Noop; }),
        ]);

        registry.Create("B", hostServices);

        Assert.Equal(["B with host services"], built);
    }

    [Fact]
    public void Two_functions_of_one_name_are_refused_also_when_registries_are_combined()
    {
        var one = new LambdaFunctionRegistry([new LambdaFunctionDescriptor("A", "AFunction", _ => Noop)]);

        Assert.Throws<ArgumentException>(() => new LambdaFunctionRegistry([.. one.Functions, .. one.Functions]));
        Assert.Throws<ArgumentException>(() => one.Concat(one));
        Assert.Equal(["A", "B"], one.Concat(new LambdaFunctionRegistry([new LambdaFunctionDescriptor("B", "BFunction", _ => Noop)])).Names);
    }

    [Theory]
    [InlineData("Nope", "Unknown handler 'Nope': this registry has InspectFile, ProcessQueue, ValidateUpload.")]
    [InlineData(" ", "No handler selected: set ANNOTATIONS_HANDLER to one of InspectFile, ProcessQueue, ValidateUpload.")]
    public void An_unknown_or_missing_name_fails_naming_the_known_ones(string name, string message)
    {
        var error = Assert.Throws<HandlerNotFoundException>(() => GeneratedLambdaFunctions.Registry.Create(name, null));

        Assert.Equal(message, error.Message);
        Assert.False(GeneratedLambdaFunctions.Registry.Contains(name));
    }
}
