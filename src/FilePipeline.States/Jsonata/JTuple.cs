namespace FilePipeline.States.Jsonata;

/// <summary>
/// One item of a tuple stream: the context value plus the variables bound along the path so far
/// (<c>@$v</c> focus, <c>#$i</c> index and the hidden labels parent references read).
/// </summary>
internal sealed class JTuple : Dictionary<string, object?>
{
    public JTuple()
        : base(StringComparer.Ordinal)
    {
    }

    public object? Context { get; set; }

    public JTuple Copy()
    {
        var copy = new JTuple { Context = Context };
        foreach (var (key, value) in this)
        {
            copy[key] = value;
        }

        return copy;
    }

    public void MergeFrom(JTuple other)
    {
        Context = other.Context;
        foreach (var (key, value) in other)
        {
            this[key] = value;
        }
    }

    public Frame ToFrame(Frame parent)
    {
        var frame = new Frame(parent);
        foreach (var (key, value) in this)
        {
            frame.Bind(key, value);
        }

        frame.Bind("@", Context);
        return frame;
    }

    /// <summary>A scope with the tuple's variables only (a group's context is passed separately).</summary>
    public Frame ToFrameWithoutContext(Frame parent)
    {
        var frame = new Frame(parent);
        foreach (var (key, value) in this)
        {
            frame.Bind(key, value);
        }

        return frame;
    }
}
