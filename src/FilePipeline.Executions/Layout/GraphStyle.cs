using FilePipeline.Executions.Graph;

namespace FilePipeline.Executions.Layout;

/// <summary>Sizes shared by the layout and the SVG, so that text measured by one fits in boxes drawn by the other.</summary>
internal static class GraphStyle
{
    public const double NameFontSize = 13;
    public const double DetailFontSize = 11;
    public const double LabelFontSize = 11;
    public const double NodeHeight = 44;
    public const double NodePaddingX = 14;
    public const double RetryBadgeWidth = 34;
    public const double LabelHeight = 18;
    public const double LabelPaddingX = 5;
    public const double GroupHeader = 26;
    public const double GroupPadding = 10;
    public const double Margin = 16;
    public const int MaxLabelLength = 36;

    /// <summary>
    /// A deliberately generous width estimate (the browser's font is unknown here): average glyph
    /// widths of common sans-serif fonts are about 0.55 em, bold about 0.62 em.
    /// </summary>
    public static double TextWidth(string text, double fontSize, bool bold = false) =>
        text.Length * fontSize * (bold ? 0.68 : 0.62);

    /// <summary>The second line of a node: a Task's resource, otherwise its type.</summary>
    public static string Subtitle(GraphState state) => state.Resource ?? state.Type;

    public static string GroupTitle(GraphState state) => state.Type + " · " + state.Name;

    public static string ShortLabel(string label) =>
        label.Length <= MaxLabelLength ? label : label[..(MaxLabelLength - 1)] + "…";
}
