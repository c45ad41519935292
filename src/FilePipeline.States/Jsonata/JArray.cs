namespace FilePipeline.States.Jsonata;

/// <summary>
/// An array inside the evaluator. JSONata tells a JSON array apart from a <em>sequence</em> (the
/// results of a path, flattened and collapsed to a single value when it has one item); the flags say
/// which one this is and how it must be treated when it leaves an expression.
/// </summary>
internal sealed class JArray : List<object?>
{
    public JArray()
    {
    }

    public JArray(int capacity)
        : base(capacity)
    {
    }

    public JArray(IEnumerable<object?> items)
        : base(items)
    {
    }

    /// <summary>A result sequence rather than a JSON array.</summary>
    public bool IsSequence { get; set; }

    /// <summary>A singleton sequence that must stay an array (the <c>[]</c> suffix).</summary>
    public bool KeepSingleton { get; set; }

    /// <summary>Built by an array constructor <c>[...]</c>: never flattened into a path's results.</summary>
    public bool IsConstructed { get; set; }

    /// <summary>A JSON array wrapped as the single input of $eval or the root.</summary>
    public bool OuterWrapper { get; set; }

    /// <summary>A stream of variable-binding tuples (paths using <c>@</c>, <c>#</c> or parent).</summary>
    public bool TupleStream { get; set; }

    public static JArray Sequence() => new() { IsSequence = true };

    /// <summary>A sequence of one item, which may be undefined: a path over no input still runs its first step once.</summary>
    public static JArray Sequence(object? item)
    {
        var sequence = new JArray(1) { IsSequence = true };
        sequence.Add(item);
        return sequence;
    }

    /// <summary>Marks this singleton sequence as wrapping a whole JSON array given as an input.</summary>
    public JArray AsOuterWrapper()
    {
        IsSequence = true;
        OuterWrapper = true;
        return this;
    }
}
