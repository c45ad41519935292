using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// Variables and functions an expression can refer to as <c>$name</c>, beside the built-in library.
/// Immutable: every <c>With…</c> returns a new set, so one set can be shared across threads and
/// extended per evaluation (e.g. AWS Step Functions' <c>$states</c> plus its added functions).
/// A binding with the name of a built-in function replaces it.
/// </summary>
public sealed class JsonataBindings
{
    private JsonataBindings(ImmutableDictionary<string, object?> values, TimeProvider timeProvider, TimeSpan timeLimit, int? depthLimit = null)
    {
        Values = values;
        TimeProvider = timeProvider;
        TimeLimit = timeLimit;
        DepthLimit = depthLimit;
    }

    /// <summary>No bindings, the system clock and a 10 second time limit.</summary>
    public static JsonataBindings Empty { get; } = new(ImmutableDictionary.Create<string, object?>(StringComparer.Ordinal), TimeProvider.System, TimeSpan.FromSeconds(10));

    /// <summary>The clock <c>$now()</c> and <c>$millis()</c> read (once per evaluation, as the reference does) and the time limit is measured on.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>How long one evaluation may run before it fails with D1012 (a guard against runaway expressions).</summary>
    public TimeSpan TimeLimit { get; }

    /// <summary>
    /// The deepest nesting of evaluation steps allowed before error D1011, or null for "as deep as the
    /// stack safely allows" (a deep non-tail recursion always ends in D1011, never in a crash).
    /// </summary>
    public int? DepthLimit { get; }

    internal ImmutableDictionary<string, object?> Values { get; }

    /// <summary>Binds <c>$name</c> to a JSON value (<c>null</c> is JSON null).</summary>
    public JsonataBindings WithVariable(string name, JsonNode? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new JsonataBindings(Values.SetItem(name, Json.FromNode(value)), TimeProvider, TimeLimit, DepthLimit);
    }

    /// <summary>
    /// Binds <c>$name</c> to a function written in C#. <paramref name="signature"/> is optional and uses
    /// JSONata's syntax (e.g. <c>&lt;n-n?:n&gt;</c>): arguments are checked against it (error T0410) and an
    /// omitted <c>-</c> argument is taken from the context. The implementation receives one
    /// <see cref="JsonataResult"/> per argument (undefined for missing ones); to fail, it throws a
    /// <see cref="JsonataException"/> with the error code to report.
    /// </summary>
    public JsonataBindings WithFunction(string name, string? signature, Func<IReadOnlyList<JsonataResult>, JsonataResult> implementation)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(implementation);
        var parsed = signature is null ? null : Signature.Parse(signature);
        var function = new NativeFunction(name, parsed, parsed?.ParameterCount ?? 1, (_, arguments) =>
            Json.FromResult(implementation(arguments.Select(Json.ToResult).ToList())));
        return new JsonataBindings(Values.SetItem(name, function), TimeProvider, TimeLimit, DepthLimit);
    }

    /// <summary>The clock <c>$now()</c> and <c>$millis()</c> read.</summary>
    public JsonataBindings WithTimeProvider(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return new JsonataBindings(Values, timeProvider, TimeLimit, DepthLimit);
    }

    /// <summary>How long one evaluation may run before it fails with D1012.</summary>
    public JsonataBindings WithTimeLimit(TimeSpan timeLimit) => new(Values, TimeProvider, timeLimit, DepthLimit);

    /// <summary>The deepest nesting of evaluation steps allowed before error D1011.</summary>
    public JsonataBindings WithDepthLimit(int depthLimit) => new(Values, TimeProvider, TimeLimit, depthLimit);
}
