namespace FilePipeline.States.Jsonata;

/// <summary>A scope of variable bindings; lookups fall back to the enclosing scope, then to the built-in functions.</summary>
internal sealed class Frame(Frame? parent)
{
    private Dictionary<string, object?>? bindings;

    public Frame? Parent => parent;

    public void Bind(string name, object? value) => (this.bindings ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;

    public bool TryLookup(string name, out object? value)
    {
        for (var frame = this; frame is not null; frame = frame.Parent)
        {
            if (frame.bindings is not null && frame.bindings.TryGetValue(name, out value))
            {
                return true;
            }
        }

        var builtin = Builtins.Find(name);
        value = builtin;
        return builtin is not null;
    }

    public object? Lookup(string name) => TryLookup(name, out var value) ? value : null;
}
