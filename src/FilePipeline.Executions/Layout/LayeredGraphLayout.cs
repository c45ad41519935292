using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.Layout;

/// <summary>
/// Lays a definition out top to bottom: each scope is layered by longest path, ordered by barycentres
/// to reduce crossings, and placed so that edges run between rows; Parallel and Map states become groups
/// sized around their laid-out branches.
/// </summary>
internal static class LayeredGraphLayout
{
    /// <summary>Computes the drawing of the whole definition.</summary>
    public static GraphLayout Compute(StateMachineGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ScopeDrawing root = ScopeDrawing.Of(graph.Root);
        var nodes = new List<NodeLayout>();
        var edges = new List<EdgeLayout>();
        Place(root, GraphStyle.Margin, GraphStyle.Margin, scope: null, nodes, edges);
        return new GraphLayout(root.Width + (2 * GraphStyle.Margin), root.Height + (2 * GraphStyle.Margin), nodes, edges);
    }

    // Scopes are laid out in their own coordinates; this moves each one to where its group put it.
    private static void Place(ScopeDrawing drawing, double dx, double dy, string? scope, List<NodeLayout> nodes, List<EdgeLayout> edges)
    {
        foreach (PlacedNode node in drawing.Nodes)
        {
            LayoutBox box = node.Box.Offset(dx, dy);
            nodes.Add(new NodeLayout(node.State, box, node.Group?.BranchBoxes.Select(b => b.Offset(box.X, box.Y)).ToList() ?? []));
            if (node.Group is { } group)
            {
                for (int i = 0; i < group.Branches.Count; i++)
                {
                    LayoutBox branch = group.BranchBoxes[i];
                    Place(group.Branches[i], box.X + branch.X + GroupDrawing.BranchPadding, box.Y + branch.Y + GroupDrawing.BranchPadding, node.State.Name, nodes, edges);
                }
            }
        }

        foreach (PlacedEdge edge in drawing.Edges)
        {
            edges.Add(new EdgeLayout(
                edge.Edge,
                edge.Points.Select(p => new LayoutPoint(p.X + dx, p.Y + dy)).ToList(),
                edge.Label?.Offset(dx, dy),
                edge.LabelText,
                scope));
        }
    }
}
