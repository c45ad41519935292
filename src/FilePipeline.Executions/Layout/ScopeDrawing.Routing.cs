namespace FilePipeline.Executions.Layout;

/// <summary>Routing: each edge's points from its upper to its lower end, and its label's box.</summary>
internal sealed partial class ScopeDrawing
{
    private static PlacedEdge Route(Chain chain, double[] rowTops)
    {
        double RowBottom(int layer) => rowTops[layer + 1] - RowGap;

        var points = new List<LayoutPoint>();
        Vertex upper = chain.Path[0];
        double startX = Port(upper, chain.Path[1], upper.Below);
        points.Add(new LayoutPoint(startX, upper.Y + upper.Height));
        points.Add(new LayoutPoint(startX, RowBottom(upper.Layer)));
        foreach (Vertex dummy in chain.Path.Skip(1).SkipLast(1))
        {
            double x = dummy.LineX;
            points.Add(new LayoutPoint(x, rowTops[dummy.Layer]));
            points.Add(new LayoutPoint(x, RowBottom(dummy.Layer)));
        }

        Vertex lower = chain.Path[^1];
        double endX = Port(lower, chain.Path[^2], lower.Above);
        points.Add(new LayoutPoint(endX, rowTops[lower.Layer]));
        points.Add(new LayoutPoint(endX, lower.Y));
        if (chain.Reversed)
        {
            points.Reverse();
        }

        LayoutBox? label = chain.LabelVertex is { } v
            ? new LayoutBox(v.X + LabelOffset, v.Y, v.LabelWidth, v.Height)
            : null;
        return new PlacedEdge(chain.Edge, Dedupe(points), label, chain.LabelText);
    }

    // Edges leaving (or entering) one side of a node are spread along it in the order of their other ends.
    private static double Port(Vertex node, Vertex neighbour, List<Vertex> side)
    {
        var ordered = side.Distinct().OrderBy(n => n.LineX).ToList();
        int index = ordered.IndexOf(neighbour);
        return node.X + (node.Width * (index + 1) / (ordered.Count + 1));
    }

    private static List<LayoutPoint> Dedupe(List<LayoutPoint> points) =>
        points.Where((p, i) => i == 0 || p != points[i - 1]).ToList();
}
