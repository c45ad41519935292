using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>A JSONata Choice rule: <c>Condition</c>, a <c>{% %}</c> expression that must yield a boolean.</summary>
internal sealed class JsonataCondition(JsonataTemplate condition) : ChoiceRule
{
    public static JsonataCondition? Parse(FieldReader reader)
    {
        _ = reader.String("Comment");
        _ = reader.String("Next", required: true);
        if (!reader.Has("Condition") || !JsonValues.TryGetString(reader.Object["Condition"], out var text) || !JsonataTemplate.IsExpression(text))
        {
            reader.Error("Condition", "A JSONata Choice rule must have a 'Condition' that is a {% %} expression");
            reader.RejectUnknownFields("a Choice rule");
            return null;
        }

        var template = JsonataTemplate.Read(reader, "Condition");
        reader.RejectUnknownFields("a Choice rule");
        return template is null ? null : new JsonataCondition(template);
    }

    public override bool Evaluate(JsonNode? input, IStateContext run)
    {
        var value = condition.Evaluate(new JsonataScope(run, input) { Reads = condition.Reads }, "Condition");
        return JsonValues.TryGetBoolean(value, out var result)
            ? result
            : throw JsonataScope.Failure("Condition", $"The JSONata expression specified for the field 'Condition' returned an unexpected result type. Expected 'boolean', but was '{JsonValues.TypeName(value)}' for value: {JsonValues.ToJson(value)}");
    }
}
