using System.Text.Json.Nodes;

namespace FilePipeline.States.Jsonata;

/// <summary>
/// A compiled JSONata expression (https://docs.jsonata.org, version 2.x semantics). Compile once,
/// evaluate many times and from many threads: the tree is immutable after compilation.
/// </summary>
/// <example>
/// <code>
/// var total = JsonataExpression.Compile("$sum(Account.Order.Product.(Price * Quantity))");
/// JsonataResult result = total.Evaluate(JsonNode.Parse(json));
/// </code>
/// </example>
public sealed class JsonataExpression
{
    private readonly Node tree;

    private JsonataExpression(string text, Node tree)
    {
        Text = text;
        this.tree = tree;
    }

    /// <summary>The expression's source text.</summary>
    public string Text { get; }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="JsonataException"/> with an <c>S0xxx</c> code on a syntax error.</summary>
    public static JsonataExpression Compile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new JsonataExpression(text, Parser.Parse(text));
    }

    /// <summary>
    /// Evaluates the expression against <paramref name="input"/> (<c>null</c> is JSON null; pass
    /// <see cref="Evaluate(JsonataResult, JsonataBindings?, CancellationToken)"/> an undefined result for no input).
    /// Throws <see cref="JsonataException"/> (<c>T</c>/<c>D</c> codes) on a runtime error, D1011 when recursion
    /// is too deep and D1012 when the bindings' time limit passes; honours <paramref name="cancellationToken"/>.
    /// </summary>
    public JsonataResult Evaluate(JsonNode? input, JsonataBindings? bindings = null, CancellationToken cancellationToken = default) =>
        Evaluate(JsonataResult.Of(input), bindings, cancellationToken);

    /// <summary>Evaluates the expression against an input that may be undefined.</summary>
    public JsonataResult Evaluate(JsonataResult input, JsonataBindings? bindings = null, CancellationToken cancellationToken = default)
    {
        bindings ??= JsonataBindings.Empty;
        var value = input.IsUndefined ? null : Json.FromNode(input.Value);
        return Json.ToResult(EvaluateValue(value, bindings, cancellationToken));
    }

    private object? EvaluateValue(object? input, JsonataBindings bindings, CancellationToken cancellationToken)
    {
        // A JSON array given as the input is one value: wrap it so that paths map over its items.
        if (input is JArray array)
        {
            input = new JArray { array }.AsOuterWrapper();
        }

        var evaluator = new Evaluator(bindings.TimeProvider, bindings.TimeLimit, bindings.DepthLimit ?? int.MaxValue, cancellationToken);
        var root = new Frame(null);
        foreach (var (name, value) in bindings.Values)
        {
            root.Bind(name, value);
        }

        root.Bind("$", input);
        try
        {
            return evaluator.Evaluate(this.tree, input, root);
        }
        catch (InsufficientExecutionStackException)
        {
            throw Errors.Create("D1011");
        }
    }
}
