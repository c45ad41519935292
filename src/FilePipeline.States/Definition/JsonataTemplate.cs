using System.Text.Json.Nodes;
using FilePipeline.States.Execution;
using FilePipeline.States.Jsonata;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>
/// A JSONata-state field value (Arguments, Output, Assign, ItemSelector, Items …): any JSON whose
/// strings of the form <c>{% expression %}</c> are JSONata, compiled once when the definition is read.
/// An expression that yields nothing, or fails, is States.QueryEvaluationError naming the field.
/// </summary>
internal sealed class JsonataTemplate
{
    private readonly Func<JsonataScope, string, JsonNode?> build;

    private JsonataTemplate(Func<JsonataScope, string, JsonNode?> build, bool readsContext, string? expressionText)
    {
        this.build = build;
        ReadsContext = readsContext;
        ExpressionText = expressionText;
    }

    /// <summary>The expression, when the whole field is one <c>{% %}</c> string (error messages quote it).</summary>
    public string? ExpressionText { get; }

    /// <summary>Whether an expression mentions the context object, which is then built for its evaluations.</summary>
    public bool ReadsContext { get; }

    /// <summary>Compiles <paramref name="node"/>; syntax errors are reported on <paramref name="reader"/> at <paramref name="field"/>.</summary>
    public static JsonataTemplate? Read(FieldReader reader, string field)
    {
        if (!reader.Has(field))
        {
            return null;
        }

        var errors = reader.Errors.Count;
        var readsContext = false;
        var node = reader.Object[field];
        var build = Compile(node, field, reader, ref readsContext);
        var text = JsonValues.TryGetString(node, out var whole) && IsExpression(whole) ? whole[2..^2].Trim() : null;
        return reader.Errors.Count == errors ? new JsonataTemplate(build, readsContext, text) : null;
    }

    /// <summary>A field whose value is a <c>{% %}</c> string (Seconds, TimeoutSeconds, Items, Error …), else null.</summary>
    public static JsonataTemplate? ReadExpression(FieldReader reader, QueryLanguage language, string field) =>
        language == QueryLanguage.Jsonata && reader.Has(field) && JsonValues.TryGetString(reader.Object[field], out var text) && IsExpression(text)
            ? Read(reader, field)
            : null;

    /// <summary>Whether a string is a JSONata expression, <c>{% … %}</c>.</summary>
    public static bool IsExpression(string text) =>
        text.Length >= 4 && text.StartsWith("{%", StringComparison.Ordinal) && text.EndsWith("%}", StringComparison.Ordinal);

    public JsonNode? Evaluate(JsonataScope scope, string field) => build(scope, field);

    private static Func<JsonataScope, string, JsonNode?> Compile(JsonNode? node, string location, FieldReader reader, ref bool readsContext)
    {
        switch (node)
        {
            case JsonObject obj:
                var fields = new List<(string Name, Func<JsonataScope, string, JsonNode?> Value)>();
                foreach (var (name, value) in obj)
                {
                    fields.Add((name, Compile(value, $"{location}/{name}", reader, ref readsContext)));
                }

                return (scope, field) =>
                {
                    var result = new JsonObject();
                    foreach (var (name, value) in fields)
                    {
                        result[name] = value(scope, $"{field}/{name}");
                    }

                    return result;
                };
            case JsonArray array:
                var items = new List<Func<JsonataScope, string, JsonNode?>>();
                foreach (var item in array)
                {
                    items.Add(Compile(item, location, reader, ref readsContext));
                }

                return (scope, field) => new JsonArray([.. items.Select(item => item(scope, field))]);
            default:
                if (!JsonValues.TryGetString(node, out var text) || !IsExpression(text))
                {
                    return (_, _) => node?.DeepClone();
                }

                var source = text[2..^2].Trim();
                try
                {
                    var expression = JsonataExpression.Compile(source);
                    readsContext |= source.Contains("context", StringComparison.Ordinal);
                    return (scope, field) => scope.Evaluate(expression, field);
                }
                catch (JsonataException e)
                {
                    reader.Error(location, $"The JSONata expression '{source}' is invalid: {e.Code}: {e.Message}");
                    return (_, _) => null;
                }
        }
    }
}
