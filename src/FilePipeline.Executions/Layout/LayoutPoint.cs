namespace FilePipeline.Executions.Layout;

/// <summary>A point of the drawing, in SVG user units (pixels), y growing downwards.</summary>
public readonly record struct LayoutPoint(double X, double Y);
