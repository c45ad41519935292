using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.Layout;

/// <summary>
/// The layered drawing of one scope. Edges spanning several rows pass through placeholder vertices that
/// take a slot in each row they cross, and every labelled edge spans at least two rows so that its label
/// gets a slot of its own: nodes and labels sit in rows, edges cross between rows or through their own
/// slots, so no edge can cross a node or a label. Of runs the phases in order; each has its own file
/// (ScopeDrawing.Layering, .Ordering, .Placement, .Routing).
/// </summary>
internal sealed partial class ScopeDrawing
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
