namespace FilePipeline.Local.Table.Expressions;

/// <summary>One step of a document path: an attribute/map key name, or a list index.</summary>
internal readonly record struct PathElement(string? Name, int Index)
{
    public bool IsIndex => Name is null;

    public override string ToString() => IsIndex ? $"[{Index}]" : Name!;
}

/// <summary>A resolved document path such as <c>a.b[2].c</c> (placeholders already replaced).</summary>
internal sealed record DocumentPath(IReadOnlyList<PathElement> Elements)
{
    public string TopLevelName => Elements[0].Name!;

    /// <summary>True when one path is the other or lies inside it (DynamoDB calls this an overlap).</summary>
    public bool Overlaps(DocumentPath other)
    {
        var shared = Math.Min(Elements.Count, other.Elements.Count);
        return Elements.Take(shared).SequenceEqual(other.Elements.Take(shared));
    }

    /// <summary>True when both paths reach the same place once as a map and once as a list.</summary>
    public bool ConflictsWith(DocumentPath other)
    {
        var shared = Math.Min(Elements.Count, other.Elements.Count);
        for (var i = 0; i < shared; i++)
        {
            if (Elements[i] == other.Elements[i])
            {
                continue;
            }

            return Elements[i].IsIndex != other.Elements[i].IsIndex;
        }

        return false;
    }

    /// <summary>DynamoDB's way of printing a path in messages: <c>[a, b, [2]]</c>.</summary>
    public override string ToString() => "[" + string.Join(", ", Elements) + "]";

    public bool Equals(DocumentPath? other) => other is not null && Elements.SequenceEqual(other.Elements);

    public override int GetHashCode() => Elements.Aggregate(0, (hash, element) => HashCode.Combine(hash, element));
}
