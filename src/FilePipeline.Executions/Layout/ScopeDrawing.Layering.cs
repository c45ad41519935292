using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.Layout;

/// <summary>Layering: which edges close loops, and the row of every node, label and placeholder.</summary>
internal sealed partial class ScopeDrawing
{
    // Two Choice rules to the same state are one arrow with both conditions; self-loops are not drawn.
    private static List<GraphEdge> MergeParallelEdges(IEnumerable<GraphEdge> edges, Dictionary<string, Vertex> vertices) =>
        edges
            .Where(e => e.From != e.To && vertices.ContainsKey(e.From) && vertices.ContainsKey(e.To))
            .GroupBy(e => (e.From, e.To, e.Kind))
            .Select(g => g.Count() == 1 ? g.First() : g.First() with { Label = string.Join(" | ", g.Select(e => e.Label)) })
            .ToList();

    // Depth-first from StartAt (then any state not reached from it): gives a natural left-to-right
    // order and finds the edges that close loops, which are laid out reversed.
    private static HashSet<GraphEdge> OrderDepthFirst(GraphScope scope, Dictionary<string, Vertex> vertices, List<GraphEdge> edges)
    {
        var backEdges = new HashSet<GraphEdge>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        int counter = 0;
        IEnumerable<string> roots = new[] { scope.StartAt }.Concat(scope.States.Select(s => s.Name)).Where(vertices.ContainsKey);
        foreach (string root in roots)
        {
            Visit(root);
        }

        return backEdges;

        void Visit(string name)
        {
            Vertex vertex = vertices[name];
            if (vertex.DepthFirstIndex >= 0)
            {
                return;
            }

            vertex.DepthFirstIndex = counter++;
            onStack.Add(name);
            foreach (GraphEdge edge in edges.Where(e => e.From == name))
            {
                if (onStack.Contains(edge.To))
                {
                    backEdges.Add(edge);
                }
                else
                {
                    Visit(edge.To);
                }
            }

            onStack.Remove(name);
        }
    }

    // Longest-path layering over the acyclic orientation; a labelled edge spans at least two layers.
    private static List<Chain> AssignLayers(Dictionary<string, Vertex> vertices, List<GraphEdge> edges, HashSet<GraphEdge> backEdges)
    {
        var chains = edges.Select(e => backEdges.Contains(e)
            ? new Chain(e, vertices[e.To], vertices[e.From], reversed: true)
            : new Chain(e, vertices[e.From], vertices[e.To], reversed: false)).ToList();
        var incoming = vertices.Values.ToDictionary(v => v, v => chains.Count(c => c.Lower == v));
        var ready = new Queue<Vertex>(vertices.Values.Where(v => incoming[v] == 0).OrderBy(v => v.DepthFirstIndex));
        while (ready.Count > 0)
        {
            Vertex vertex = ready.Dequeue();
            foreach (Chain chain in chains.Where(c => c.Upper == vertex))
            {
                chain.Lower.Layer = Math.Max(chain.Lower.Layer, vertex.Layer + (chain.Edge.Label is null ? 1 : 2));
                if (--incoming[chain.Lower] == 0)
                {
                    ready.Enqueue(chain.Lower);
                }
            }
        }

        return chains;
    }

    private static List<List<Vertex>> BuildLayers(IEnumerable<Vertex> real, List<Chain> chains)
    {
        var all = real.ToList();
        foreach (Chain chain in chains)
        {
            // A label sits right below the state it leaves, where a reader looks for the condition.
            int labelLayer = chain.Edge.Label is null ? -1 : chain.Reversed ? chain.Lower.Layer - 1 : chain.Upper.Layer + 1;
            chain.Path.Add(chain.Upper);
            for (int layer = chain.Upper.Layer + 1; layer < chain.Lower.Layer; layer++)
            {
                var dummy = new Vertex { Layer = layer, Width = DummyWidth, DepthFirstIndex = chain.Upper.DepthFirstIndex };
                if (layer == labelLayer)
                {
                    chain.LabelText = GraphStyle.ShortLabel(chain.Edge.Label!);
                    dummy.LabelWidth = GraphStyle.TextWidth(chain.LabelText, GraphStyle.LabelFontSize) + (2 * GraphStyle.LabelPaddingX);
                    dummy.Width = LabelOffset + dummy.LabelWidth;
                    dummy.Height = GraphStyle.LabelHeight;
                    chain.LabelVertex = dummy;
                }

                chain.Path.Add(dummy);
                all.Add(dummy);
            }

            chain.Path.Add(chain.Lower);
            for (int i = 0; i + 1 < chain.Path.Count; i++)
            {
                chain.Path[i].Below.Add(chain.Path[i + 1]);
                chain.Path[i + 1].Above.Add(chain.Path[i]);
            }
        }

        int depth = all.Max(v => v.Layer) + 1;
        var layers = Enumerable.Range(0, depth).Select(_ => new List<Vertex>()).ToList();
        foreach (Vertex vertex in all.OrderBy(v => v.DepthFirstIndex))
        {
            layers[vertex.Layer].Add(vertex);
        }

        return layers;
    }
}
