namespace FilePipeline.Executions.Layout;

/// <summary>A point of the drawing, in SVG user units (pixels), y growing downwards.</summary>
internal readonly record struct LayoutPoint(double X, double Y);
