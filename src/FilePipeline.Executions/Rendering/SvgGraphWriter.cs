using System.Globalization;
using System.Net;
using System.Text;
using FilePipeline.Executions.History;
using FilePipeline.Executions.Layout;

namespace FilePipeline.Executions.Rendering;

/// <summary>Draws a laid-out definition as inline SVG, each state coloured by its outcome in the execution.</summary>
internal static class SvgGraphWriter
{
    public static void Write(StringBuilder html, GraphLayout layout, ExecutionView view)
    {
        html.Append(CultureInfo.InvariantCulture,
            $"<svg id=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{N(layout.Width)}\" height=\"{N(layout.Height)}\" viewBox=\"0 0 {N(layout.Width)} {N(layout.Height)}\" role=\"img\" aria-label=\"State machine graph\">\n");
        html.Append("<defs>")
            .Append(Marker("arrow"))
            .Append(Marker("arrow-taken"))
            .Append("</defs>\n");

        // Groups first (outer before inner), then edges over them, then states on top.
        foreach (NodeLayout group in layout.Nodes.Where(n => n.State.IsGroup).OrderBy(n => n.State.Depth))
        {
            WriteGroup(html, group, view.States[group.State.Name]);
        }

        foreach (EdgeLayout edge in layout.Edges)
        {
            WriteEdge(html, edge, view.Transitions.Contains((edge.Edge.From, edge.Edge.To)));
        }

        foreach (NodeLayout node in layout.Nodes.Where(n => !n.State.IsGroup))
        {
            WriteNode(html, node, view.States[node.State.Name]);
        }

        html.Append("</svg>\n");
    }

    private static string Marker(string id) =>
        $"<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker>";

    private static void WriteNode(StringBuilder html, NodeLayout node, StateRun run)
    {
        LayoutBox box = node.Box;
        string outcome = OutcomeText.CssClass(run.Outcome);
        bool task = node.State.Type == "Task";
        double subtitleCentre = task ? box.CenterX - (GraphStyle.RetryBadgeWidth / 2) : box.CenterX;
        html.Append(CultureInfo.InvariantCulture,
            $"<g class=\"node {outcome}\" data-state=\"{E(run.Name)}\" data-outcome=\"{outcome}\" tabindex=\"0\" role=\"button\" aria-label=\"{E(run.Name)}: {E(OutcomeText.Label(run.Outcome))}\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(run.Name)} — {E(OutcomeText.Label(run.Outcome))}</title>");
        html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"8\"/>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"name\" x=\"{N(box.CenterX)}\" y=\"{N(box.Y + 19)}\" text-anchor=\"middle\">{E(run.Name)}</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"subtitle\" x=\"{N(subtitleCentre)}\" y=\"{N(box.Y + 35)}\" text-anchor=\"middle\">{E(GraphStyle.Subtitle(node.State))}</text>");
        if (run.Retries > 0)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<text class=\"badge\" x=\"{N(box.Right - GraphStyle.NodePaddingX)}\" y=\"{N(box.Y + 35)}\" text-anchor=\"end\">↻ {run.Retries}</text>");
        }

        html.Append("</g>\n");
    }

    private static void WriteGroup(StringBuilder html, NodeLayout group, StateRun run)
    {
        LayoutBox box = group.Box;
        string outcome = OutcomeText.CssClass(run.Outcome);
        html.Append(CultureInfo.InvariantCulture,
            $"<g class=\"group {outcome}\" data-state=\"{E(run.Name)}\" data-outcome=\"{outcome}\" tabindex=\"0\" role=\"button\" aria-label=\"{E(run.Name)}: {E(OutcomeText.Label(run.Outcome))}\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(run.Name)} — {E(OutcomeText.Label(run.Outcome))}</title>");
        html.Append(CultureInfo.InvariantCulture, $"<rect class=\"group-box\" x=\"{N(box.X)}\" y=\"{N(box.Y)}\" width=\"{N(box.Width)}\" height=\"{N(box.Height)}\" rx=\"10\"/>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"group-title\" x=\"{N(box.X + GraphStyle.GroupPadding)}\" y=\"{N(box.Y + 18)}\">{E(GraphStyle.GroupTitle(group.State))}</text>");
        foreach (LayoutBox branch in group.Branches)
        {
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"branch\" x=\"{N(branch.X)}\" y=\"{N(branch.Y)}\" width=\"{N(branch.Width)}\" height=\"{N(branch.Height)}\" rx=\"6\"/>");
        }

        html.Append("</g>\n");
    }

    private static void WriteEdge(StringBuilder html, EdgeLayout edge, bool taken)
    {
        string kind = edge.Edge.Kind.ToString().ToLowerInvariant();
        string classes = taken ? kind + " taken" : kind;
        string marker = taken ? "arrow-taken" : "arrow";
        html.Append(CultureInfo.InvariantCulture,
            $"<path class=\"edge {classes}\" data-from=\"{E(edge.Edge.From)}\" data-to=\"{E(edge.Edge.To)}\" d=\"{PathData(edge.Points)}\" marker-end=\"url(#{marker})\"/>\n");
        if (edge.Label is { } label)
        {
            html.Append(CultureInfo.InvariantCulture, $"<g class=\"edge-label {classes}\"><title>{E(edge.Edge.Label)}</title>");
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(label.X)}\" y=\"{N(label.Y)}\" width=\"{N(label.Width)}\" height=\"{N(label.Height)}\" rx=\"3\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{N(label.X + GraphStyle.LabelPaddingX)}\" y=\"{N(label.Y + 13)}\">{E(edge.LabelText)}</text></g>\n");
        }
    }

    // Vertical runs stay straight; a run between rows becomes an S-curve whose control points keep it within the gap.
    private static string PathData(IReadOnlyList<LayoutPoint> points)
    {
        var d = new StringBuilder();
        d.Append(CultureInfo.InvariantCulture, $"M{N(points[0].X)},{N(points[0].Y)}");
        for (int i = 1; i < points.Count; i++)
        {
            LayoutPoint a = points[i - 1], b = points[i];
            if (Math.Abs(a.X - b.X) < 0.01)
            {
                d.Append(CultureInfo.InvariantCulture, $" L{N(b.X)},{N(b.Y)}");
            }
            else
            {
                double middle = (a.Y + b.Y) / 2;
                d.Append(CultureInfo.InvariantCulture, $" C{N(a.X)},{N(middle)} {N(b.X)},{N(middle)} {N(b.X)},{N(b.Y)}");
            }
        }

        return d.ToString();
    }

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
