using System.Text.Json.Nodes;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// The value of a JSONata expression: either <em>undefined</em> (no value at all, e.g. a path that
/// matched nothing) or a JSON value. JSON <c>null</c> is <see cref="Value"/> <c>null</c> with
/// <see cref="IsUndefined"/> false; the default value of the struct is undefined.
/// </summary>
public readonly struct JsonataResult : IEquatable<JsonataResult>
{
    private readonly bool defined;

    private JsonataResult(JsonNode? value)
    {
        this.defined = true;
        Value = value;
    }

    /// <summary>No value: the expression produced nothing.</summary>
    public static JsonataResult Undefined => default;

    /// <summary>True when the expression produced no value.</summary>
    public bool IsUndefined => !this.defined;

    /// <summary>The JSON value (<c>null</c> for JSON null, or when undefined).</summary>
    public JsonNode? Value { get; }

    /// <summary>A defined result holding <paramref name="value"/> (<c>null</c> means JSON null).</summary>
    public static JsonataResult Of(JsonNode? value) => new(value);

    /// <summary>The result as JSON text; undefined has no JSON form and is shown as <c>undefined</c>.</summary>
    public override string ToString() => IsUndefined ? "undefined" : Value?.ToJsonString() ?? "null";

    public bool Equals(JsonataResult other) =>
        IsUndefined == other.IsUndefined && JsonNode.DeepEquals(Value, other.Value);

    public override bool Equals(object? obj) => obj is JsonataResult other && Equals(other);

    public override int GetHashCode() => IsUndefined ? 0 : ToString().GetHashCode(StringComparison.Ordinal);

    public static bool operator ==(JsonataResult left, JsonataResult right) => left.Equals(right);

    public static bool operator !=(JsonataResult left, JsonataResult right) => !left.Equals(right);
}
