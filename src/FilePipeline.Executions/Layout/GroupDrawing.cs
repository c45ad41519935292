using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.Layout;

/// <summary>A Parallel or Map state drawn as a box with a title and its branches side by side.</summary>
internal sealed class GroupDrawing
{
    public const double BranchPadding = 10;
    private const double BranchGap = 14;

    private GroupDrawing(IReadOnlyList<ScopeDrawing> branches, IReadOnlyList<LayoutBox> branchBoxes, double width, double height)
    {
        Branches = branches;
        BranchBoxes = branchBoxes;
        Width = width;
        Height = height;
    }

    public IReadOnlyList<ScopeDrawing> Branches { get; }

    /// <summary>One box per branch, relative to the group's top-left corner.</summary>
    public IReadOnlyList<LayoutBox> BranchBoxes { get; }

    public double Width { get; }

    public double Height { get; }

    public static GroupDrawing Of(GraphState state)
    {
        var branches = state.Branches.Select(ScopeDrawing.Of).ToList();
        double branchHeight = branches.Max(b => b.Height) + (2 * BranchPadding);
        double contentWidth = branches.Sum(b => b.Width + (2 * BranchPadding)) + (BranchGap * (branches.Count - 1));
        double titleWidth = GraphStyle.TextWidth(GraphStyle.GroupTitle(state), GraphStyle.NameFontSize, bold: true);
        double width = Math.Max(contentWidth, titleWidth) + (2 * GraphStyle.GroupPadding);

        // Centre the branches when the title is wider than they are.
        double x = (width - contentWidth) / 2;
        var boxes = new List<LayoutBox>();
        foreach (ScopeDrawing branch in branches)
        {
            double branchWidth = branch.Width + (2 * BranchPadding);
            boxes.Add(new LayoutBox(x, GraphStyle.GroupHeader, branchWidth, branchHeight));
            x += branchWidth + BranchGap;
        }

        return new GroupDrawing(branches, boxes, width, GraphStyle.GroupHeader + branchHeight + GraphStyle.GroupPadding);
    }
}
