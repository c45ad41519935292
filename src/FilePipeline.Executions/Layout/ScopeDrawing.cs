using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.Layout;

/// <summary>
/// The layered drawing of one scope. Edges spanning several rows pass through placeholder vertices that
/// take a slot in each row they cross, and every labelled edge spans at least two rows so that its label
/// gets a slot of its own: nodes and labels sit in rows, edges cross between rows or through their own
/// slots, so no edge can cross a node or a label.
/// </summary>
internal sealed class ScopeDrawing
{
    private const double RowGap = 30;
    private const double NodeGap = 32;
    private const double DummyGap = 14;
    private const double DummyWidth = 8;
    private const double LabelLineOffset = 3; // the edge passes at this x inside a label's slot, the label right of it
    private const double LabelOffset = 7;
    private const int OrderingSweeps = 12;
    private const int PlacementRounds = 24;

    private ScopeDrawing(double width, double height, List<PlacedNode> nodes, List<PlacedEdge> edges)
    {
        Width = width;
        Height = height;
        Nodes = nodes;
        Edges = edges;
    }

    public double Width { get; }

    public double Height { get; }

    public IReadOnlyList<PlacedNode> Nodes { get; }

    public IReadOnlyList<PlacedEdge> Edges { get; }

    public static ScopeDrawing Of(GraphScope scope)
    {
        var vertices = new Dictionary<string, Vertex>(StringComparer.Ordinal);
        foreach (GraphState state in scope.States)
        {
            GroupDrawing? group = state.IsGroup ? GroupDrawing.Of(state) : null;
            vertices[state.Name] = group is null
                ? new Vertex { State = state, Width = NodeWidth(state), Height = GraphStyle.NodeHeight }
                : new Vertex { State = state, Group = group, Width = group.Width, Height = group.Height };
        }

        List<GraphEdge> edges = MergeParallelEdges(scope.Edges, vertices);
        HashSet<GraphEdge> backEdges = OrderDepthFirst(scope, vertices, edges);
        List<Chain> chains = AssignLayers(vertices, edges, backEdges);
        List<List<Vertex>> layers = BuildLayers(vertices.Values, chains);
        OrderLayers(layers);
        PlaceHorizontally(layers);
        double[] rowTops = PlaceVertically(layers, out double height);
        List<PlacedEdge> routed = chains.Select(chain => Route(chain, rowTops)).ToList();
        double width = layers.SelectMany(l => l).Select(v => v.X + v.Width).DefaultIfEmpty(0).Max();
        var nodes = vertices.Values
            .Select(v => new PlacedNode(v.State!, new LayoutBox(v.X, v.Y, v.Width, v.Height), v.Group))
            .ToList();
        return new ScopeDrawing(width, height, nodes, routed);
    }

    private static double NodeWidth(GraphState state)
    {
        double name = GraphStyle.TextWidth(state.Name, GraphStyle.NameFontSize, bold: true);
        double subtitle = GraphStyle.TextWidth(GraphStyle.Subtitle(state), GraphStyle.DetailFontSize)
            + (state.Type == "Task" ? GraphStyle.RetryBadgeWidth : 0);
        return Math.Max(120, Math.Max(name, subtitle) + (2 * GraphStyle.NodePaddingX));
    }

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

    // Barycentre sweeps down and up, keeping the order with the fewest crossings.
    private static void OrderLayers(List<List<Vertex>> layers)
    {
        List<List<Vertex>> best = layers.Select(l => l.ToList()).ToList();
        int fewest = Crossings(layers);
        for (int sweep = 0; sweep < OrderingSweeps && fewest > 0; sweep++)
        {
            bool down = sweep % 2 == 0;
            IEnumerable<int> order = down ? Enumerable.Range(1, layers.Count - 1) : Enumerable.Range(0, layers.Count - 1).Reverse();
            foreach (int i in order)
            {
                List<Vertex> reference = layers[down ? i - 1 : i + 1];
                layers[i] = layers[i]
                    .Select((v, index) => (Vertex: v, Key: Barycentre(down ? v.Above : v.Below, reference) ?? index))
                    .OrderBy(p => p.Key)
                    .Select(p => p.Vertex)
                    .ToList();
            }

            int crossings = Crossings(layers);
            if (crossings < fewest)
            {
                fewest = crossings;
                best = layers.Select(l => l.ToList()).ToList();
            }
        }

        for (int i = 0; i < layers.Count; i++)
        {
            layers[i] = best[i];
        }
    }

    private static double? Barycentre(List<Vertex> neighbours, List<Vertex> layer) =>
        neighbours.Count == 0 ? null : neighbours.Average(n => (double)layer.IndexOf(n));

    private static int Crossings(List<List<Vertex>> layers)
    {
        int total = 0;
        for (int i = 0; i + 1 < layers.Count; i++)
        {
            var segments = layers[i]
                .SelectMany((v, upper) => v.Below.Select(b => (Upper: upper, Lower: layers[i + 1].IndexOf(b))))
                .ToList();
            for (int a = 0; a < segments.Count; a++)
            {
                for (int b = a + 1; b < segments.Count; b++)
                {
                    if ((segments[a].Upper - segments[b].Upper) * (segments[a].Lower - segments[b].Lower) < 0)
                    {
                        total++;
                    }
                }
            }
        }

        return total;
    }

    // Each round pulls every vertex towards the mean centre of its neighbours, then restores the
    // order and spacing of its layer with the closest arrangement (isotonic regression, pool adjacent violators).
    private static void PlaceHorizontally(List<List<Vertex>> layers)
    {
        foreach (List<Vertex> layer in layers)
        {
            double x = 0;
            for (int i = 0; i < layer.Count; i++)
            {
                x += i == 0 ? 0 : Separation(layer[i - 1], layer[i]);
                layer[i].CenterX = x;
            }
        }

        for (int round = 0; round < PlacementRounds; round++)
        {
            bool down = round % 2 == 0;
            IEnumerable<List<Vertex>> order = down ? layers : Enumerable.Reverse(layers);
            foreach (List<Vertex> layer in order)
            {
                double[] desired = layer
                    .Select(v => (round >= PlacementRounds - 4 ? v.Above.Concat(v.Below) : down ? v.Above : v.Below).ToList())
                    .Select((neighbours, i) => neighbours.Count == 0 ? layer[i].CenterX : neighbours.Average(n => n.CenterX))
                    .ToArray();
                Arrange(layer, desired);
            }
        }

        double left = layers.SelectMany(l => l).Min(v => v.X);
        foreach (Vertex vertex in layers.SelectMany(l => l))
        {
            vertex.CenterX -= left;
        }
    }

    private static double Separation(Vertex left, Vertex right) =>
        ((left.Width + right.Width) / 2) + (left.State is null || right.State is null ? DummyGap : NodeGap);

    private static void Arrange(List<Vertex> layer, double[] desired)
    {
        // With offsets c_i (cumulative minimum separations), x_i = y_i + c_i and the constraint becomes y non-decreasing.
        var offsets = new double[layer.Count];
        for (int i = 1; i < layer.Count; i++)
        {
            offsets[i] = offsets[i - 1] + Separation(layer[i - 1], layer[i]);
        }

        var blocks = new List<(double Sum, int Count)>();
        for (int i = 0; i < layer.Count; i++)
        {
            blocks.Add((desired[i] - offsets[i], 1));
            while (blocks.Count > 1 && blocks[^2].Sum / blocks[^2].Count > blocks[^1].Sum / blocks[^1].Count)
            {
                (double sum, int count) = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (blocks[^1].Sum + sum, blocks[^1].Count + count);
            }
        }

        int index = 0;
        foreach ((double sum, int count) in blocks)
        {
            for (int k = 0; k < count; k++, index++)
            {
                layer[index].CenterX = (sum / count) + offsets[index];
            }
        }
    }

    private static double[] PlaceVertically(List<List<Vertex>> layers, out double height)
    {
        var tops = new double[layers.Count + 1];
        for (int i = 0; i < layers.Count; i++)
        {
            double rowHeight = layers[i].Select(v => v.Height).DefaultIfEmpty(0).Max();
            foreach (Vertex vertex in layers[i])
            {
                vertex.Y = tops[i] + ((rowHeight - vertex.Height) / 2);
            }

            tops[i + 1] = tops[i] + rowHeight + RowGap;
        }

        height = tops[layers.Count] - RowGap;
        return tops;
    }

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

    private sealed class Vertex
    {
        public GraphState? State { get; init; }

        public GroupDrawing? Group { get; init; }

        public double Width { get; set; }

        public double Height { get; set; }

        public double LabelWidth { get; set; }

        public int Layer { get; set; }

        public int DepthFirstIndex { get; set; } = -1;

        public double CenterX { get; set; }

        public double X => CenterX - (Width / 2);

        /// <summary>Where an edge passes through this vertex's slot: left of a label, else the centre.</summary>
        public double LineX => LabelWidth > 0 ? X + LabelLineOffset : CenterX;

        public double Y { get; set; }

        public List<Vertex> Above { get; } = [];

        public List<Vertex> Below { get; } = [];
    }

    /// <summary>An edge as laid out: from its upper to its lower end (reversed for loops), through its placeholders.</summary>
    private sealed class Chain(GraphEdge edge, Vertex upper, Vertex lower, bool reversed)
    {
        public GraphEdge Edge { get; } = edge;

        public Vertex Upper { get; } = upper;

        public Vertex Lower { get; } = lower;

        public bool Reversed { get; } = reversed;

        public List<Vertex> Path { get; } = [];

        public Vertex? LabelVertex { get; set; }

        public string? LabelText { get; set; }
    }
}
