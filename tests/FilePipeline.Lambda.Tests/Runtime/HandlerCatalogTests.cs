using FilePipeline.Lambda.Runtime;

namespace FilePipeline.Lambda.Tests.Runtime;

public sealed class HandlerCatalogTests
{
    [Fact]
    public void ANNOTATIONS_HANDLER_selects_the_function_before__HANDLER()
    {
        Assert.Equal("ProcessQueue", HandlerCatalog.SelectedName(name => name switch
        {
            "ANNOTATIONS_HANDLER" => "ProcessQueue",
            "_HANDLER" => "bootstrap",
            _ => null,
        }));
        Assert.Equal("bootstrap", HandlerCatalog.SelectedName(name => name == "_HANDLER" ? "bootstrap" : null));
    }

    [Fact]
    public void Only_the_selected_function_is_built()
    {
        var built = new List<string>();
        var catalog = new HandlerCatalog(new Dictionary<string, Func<LambdaHandler>>
        {
            ["A"] = () => { built.Add("A"); return (_, _, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty); },
            ["B"] = () => { built.Add("B"); return (_, _, _) => Task.FromResult(ReadOnlyMemory<byte>.Empty); },
        });

        catalog.Create("B");

        Assert.Equal(["B"], built);
    }
}
