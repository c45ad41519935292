using System.Text.Json.Nodes;
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

    private JsonataTemplate(Func<JsonataScope, string, JsonNode?> build, StatesFields reads, string? expressionText)
    {
        this.build = build;
        Reads = reads;
        ExpressionText = expressionText;
    }

    /// <summary>The expression, when the whole field is one <c>{% %}</c> string (error messages quote it).</summary>
    public string? ExpressionText { get; }

    /// <summary>The <c>$states</c> members the expressions read: only those are converted for each evaluation.</summary>
    public StatesFields Reads { get; }

    /// <summary>Compiles <paramref name="node"/>; syntax errors are reported on <paramref name="reader"/> at <paramref name="field"/>.</summary>
    public static JsonataTemplate? Read(FieldReader reader, string field)
    {
        if (!reader.Has(field))
        {
            return null;
        }

        var errors = reader.Errors.Count;
        var reads = StatesFields.None;
        var node = reader.Object[field];
        var build = Compile(node, field, reader, ref reads);
        var text = JsonValues.TryGetString(node, out var whole) && IsExpression(whole) ? whole[2..^2].Trim() : null;
        return reader.Errors.Count == errors ? new JsonataTemplate(build, reads, text) : null;
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

    /// <summary>Which members of <c>$states</c> an expression reads; any other use of <c>$states</c> reads them all.</summary>
    private static StatesFields StatesFieldsOf(string source)
    {
        var reads = StatesFields.None;
        for (var at = source.IndexOf("$states", StringComparison.Ordinal); at >= 0; at = source.IndexOf("$states", at, StringComparison.Ordinal))
        {
            at += "$states".Length;
            var rest = source.AsSpan(at);
            reads |= rest.StartsWith(".input", StringComparison.Ordinal) ? StatesFields.Input
                : rest.StartsWith(".result", StringComparison.Ordinal) ? StatesFields.Result
                : rest.StartsWith(".errorOutput", StringComparison.Ordinal) ? StatesFields.ErrorOutput
                : rest.StartsWith(".context", StringComparison.Ordinal) ? StatesFields.Context
                : StatesFields.All;
        }

        return reads;
    }

    private static Func<JsonataScope, string, JsonNode?> Compile(JsonNode? node, string location, FieldReader reader, ref StatesFields reads)
    {
        switch (node)
        {
            case JsonObject obj:
                var fields = new List<(string Name, Func<JsonataScope, string, JsonNode?> Value)>();
                foreach (var (name, value) in obj)
                {
                    fields.Add((name, Compile(value, $"{location}/{name}", reader, ref reads)));
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
                    items.Add(Compile(item, location, reader, ref reads));
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
                    reads |= StatesFieldsOf(source);
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
