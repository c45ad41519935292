using FilePipeline.Executions.Graph;
using FilePipeline.Executions.Layout;


namespace FilePipeline.Executions.Tests;

/// <summary>What makes a drawn graph readable: nothing drawn on top of a node or a label.</summary>
internal static class LayoutInvariants
{
    public static void AssertReadable(GraphLayout layout, StateMachineGraph graph)
    {
        var boxes = layout.Nodes.ToDictionary(n => n.State.Name, n => n.Box);
        foreach (NodeLayout a in layout.Nodes)
        {
            Assert.True(a.Box.X >= 0 && a.Box.Y >= 0 && a.Box.Right <= layout.Width && a.Box.Bottom <= layout.Height, $"{a.State.Name} lies outside the drawing");
            foreach (NodeLayout b in layout.Nodes.Where(b => b != a))
            {
                if (Ancestors(graph, b.State.Name).Contains(a.State.Name))
                {
                    Assert.True(a.Box.Contains(b.Box), $"group {a.State.Name} does not contain {b.State.Name}");
                }
                else if (!Ancestors(graph, a.State.Name).Contains(b.State.Name))
                {
                    Assert.False(a.Box.Overlaps(b.Box), $"{a.State.Name} overlaps {b.State.Name}");
                }
            }
        }

        var labels = layout.Edges.Where(e => e.Label is not null).ToList();
        foreach (EdgeLayout edge in layout.Edges)
        {
            var enclosing = edge.Scope is null ? [] : Ancestors(graph, edge.Scope).Append(edge.Scope).ToHashSet();
            Assert.True(edge.Points.Count >= 2);
            for (int i = 1; i < edge.Points.Count; i++)
            {
                LayoutPoint a = edge.Points[i - 1], b = edge.Points[i];
                foreach (NodeLayout node in layout.Nodes.Where(n => !enclosing.Contains(n.State.Name)))
                {
                    Assert.False(node.Box.IsCrossedBy(a, b), $"edge {edge.Edge.From} → {edge.Edge.To} crosses {node.State.Name}");
                }

                foreach (EdgeLayout labelled in labels)
                {
                    Assert.False(labelled.Label!.Value.IsCrossedBy(a, b), $"edge {edge.Edge.From} → {edge.Edge.To} crosses the label of {labelled.Edge.From} → {labelled.Edge.To}");
                }
            }

            Assert.True(Near(edge.Points[0], boxes[edge.Edge.From]), $"edge {edge.Edge.From} → {edge.Edge.To} does not start at its source");
            Assert.True(Near(edge.Points[^1], boxes[edge.Edge.To]), $"edge {edge.Edge.From} → {edge.Edge.To} does not end at its target");
        }

        foreach (EdgeLayout a in labels)
        {
            foreach (NodeLayout node in layout.Nodes.Where(n => !(a.Scope is not null && (a.Scope == n.State.Name || Ancestors(graph, a.Scope).Contains(n.State.Name)))))
            {
                Assert.False(a.Label!.Value.Overlaps(node.Box), $"the label of {a.Edge.From} → {a.Edge.To} overlaps {node.State.Name}");
            }

            foreach (EdgeLayout b in labels.Where(b => b != a))
            {
                Assert.False(a.Label!.Value.Overlaps(b.Label!.Value), $"labels of {a.Edge.From} → {a.Edge.To} and {b.Edge.From} → {b.Edge.To} overlap");
            }
        }
    }

    private static List<string> Ancestors(StateMachineGraph graph, string name)
    {
        var result = new List<string>();
        for (GraphState? parent = graph.Parents.GetValueOrDefault(name); parent is not null; parent = graph.Parents.GetValueOrDefault(parent.Name))
        {
            result.Add(parent.Name);
        }

        return result;
    }

    // An edge ends on the border of its node: on the top or bottom side, within its width.
    private static bool Near(LayoutPoint p, LayoutBox box) =>
        p.X >= box.X && p.X <= box.Right && (Math.Abs(p.Y - box.Y) < 0.01 || Math.Abs(p.Y - box.Bottom) < 0.01);
}
