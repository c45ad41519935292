namespace FilePipeline.Executions.Layout;

/// <summary>An axis-aligned rectangle of the drawing.</summary>
internal readonly record struct LayoutBox(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;

    public double Bottom => Y + Height;

    public double CenterX => X + (Width / 2);

    public LayoutBox Offset(double dx, double dy) => this with { X = X + dx, Y = Y + dy };

    /// <summary>True when the interiors share any area (touching edges do not count).</summary>
    public bool Overlaps(LayoutBox other) =>
        X < other.Right && other.X < Right && Y < other.Bottom && other.Y < Bottom;

    public bool Contains(LayoutBox other) =>
        other.X >= X && other.Right <= Right && other.Y >= Y && other.Bottom <= Bottom;

    /// <summary>True when the segment passes through the interior (Liang–Barsky clipping; touching the border does not count).</summary>
    public bool IsCrossedBy(LayoutPoint a, LayoutPoint b)
    {
        const double Epsilon = 0.01;
        double t0 = 0, t1 = 1;
        double dx = b.X - a.X, dy = b.Y - a.Y;
        return Clip(-dx, a.X - (X + Epsilon)) && Clip(dx, Right - Epsilon - a.X)
            && Clip(-dy, a.Y - (Y + Epsilon)) && Clip(dy, Bottom - Epsilon - a.Y)
            && t0 < t1;

        bool Clip(double p, double q)
        {
            if (p == 0)
            {
                return q > 0;
            }

            double r = q / p;
            if (p < 0)
            {
                if (r > t1)
                {
                    return false;
                }

                t0 = Math.Max(t0, r);
            }
            else
            {
                if (r < t0)
                {
                    return false;
                }

                t1 = Math.Min(t1, r);
            }

            return true;
        }
    }
}
