using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FilePipeline.States.Intrinsics.Parsing;

namespace FilePipeline.States.Intrinsics;

/// <summary>
/// Evaluates the Amazon States Language intrinsic functions (<c>States.Format</c>,
/// <c>States.Array</c>, ...) used as values of payload-template fields whose key ends in <c>.$</c>.
/// Every failure AWS reports as <c>States.IntrinsicFailure</c> is an <see cref="IntrinsicFailureException"/>.
/// </summary>
public static class IntrinsicFunctions
{
    private const int MaxCachedExpressions = 4096;

    // Definitions reuse the same few expressions on every execution; parsing once keeps evaluation cheap.
    private static readonly ConcurrentDictionary<string, IntrinsicExpression> Parsed = new(StringComparer.Ordinal);

    /// <summary>Whether a <c>.$</c> field value is an intrinsic invocation rather than a path.</summary>
    public static bool IsIntrinsic(string value) => value.StartsWith("States.", StringComparison.Ordinal);

    /// <summary>
    /// Evaluates <paramref name="expression"/> (for example <c>States.Format('Hello, {}', $.name)</c>).
    /// <paramref name="resolvePath"/> resolves each <c>$</c> or <c>$$</c> path argument; its exceptions propagate.
    /// </summary>
    public static JsonNode? Evaluate(string expression, Func<string, JsonNode?> resolvePath) =>
        Evaluate(expression, resolvePath, IntrinsicServices.Default);

    /// <summary>As <see cref="Evaluate(string, Func{string, JsonNode?})"/>, with the random sources given (for tests).</summary>
    public static JsonNode? Evaluate(string expression, Func<string, JsonNode?> resolvePath, IntrinsicServices services)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(resolvePath);
        ArgumentNullException.ThrowIfNull(services);
        return Parse(expression).Evaluate(new IntrinsicEnvironment(resolvePath, services));
    }

    /// <summary>
    /// Checks an expression without evaluating it, for definition validation: syntax, escapes,
    /// known function names, argument counts and the nesting limit.
    /// </summary>
    /// <exception cref="IntrinsicFailureException">The expression is not a valid invocation.</exception>
    public static void Validate(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        Parse(expression);
    }

    private static IntrinsicExpression Parse(string expression)
    {
        if (Parsed.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        var parsed = IntrinsicParser.Parse(expression);
        if (Parsed.Count < MaxCachedExpressions)
        {
            Parsed.TryAdd(expression, parsed);
        }

        return parsed;
    }
}
