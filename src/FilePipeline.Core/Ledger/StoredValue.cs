namespace FilePipeline.Core.Ledger;

/// <summary>An attribute value as stored: its type (<c>S</c>, <c>N</c>, <c>NULL</c>, or empty for any other) and text; default when absent.</summary>
internal readonly record struct StoredValue(string? Type, string? Text)
{
    public static StoredValue Null { get; } = new("NULL", null);

    public static StoredValue Other { get; } = new("", null);
}
