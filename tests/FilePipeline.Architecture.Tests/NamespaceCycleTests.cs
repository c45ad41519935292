using FilePipeline.States;

namespace FilePipeline.Architecture.Tests;

/// <summary>
/// The areas inside a self-contained library (the namespaces one level below its root, each with its
/// sub-namespaces) depend on each other in one direction only: e.g. the engine's Execution uses the
/// Definition it runs, never the reverse. The root namespace is left out: it is both the library's
/// public surface and the vocabulary (errors, limits) every area shares.
/// </summary>
public sealed class NamespaceCycleTests
{
    [Fact]
    public void The_areas_of_FilePipeline_States_use_each_other_one_way_only()
    {
        var graph = NamespaceGraph.Load(typeof(StateMachineEngine).Assembly, "FilePipeline.States");

        // A graph read from nothing would pass vacuously.
        Assert.Contains("FilePipeline.States.Definition", graph.Uses["FilePipeline.States.Execution"]);
        var cycles = graph.Uses.Keys
            .Where(name => graph.Reachable(name).Contains(name))
            .Select(name => $"{name} -> {string.Join(", ", graph.Uses[name].Where(used => graph.Reachable(used).Contains(name)).Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Empty(cycles);
    }
}
