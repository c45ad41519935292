using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>
/// <c>States.Format(template, values...)</c>: replaces each <c>{}</c> of the template with the
/// next value's natural string form (strings without quotes). There must be exactly as many
/// values as placeholders. Objects and arrays print as AWS prints them (recorded): Java's map and
/// list forms, <c>{a=1, b=[x, y]}</c>, with strings unquoted at every depth.
/// </summary>
internal sealed class FormatFunction : IntrinsicFunction
{
    public override IntrinsicSignature Signature { get; } = new(
        "States.Format", 1, IntrinsicSignature.Unbounded,
        IntrinsicArgumentTypes.String,
        IntrinsicArgumentTypes.Any);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        var (text, placeholders) = arguments.Template(0);
        var valueCount = arguments.Count - 1;
        if (placeholders.Count != valueCount)
        {
            throw arguments.Failure($"the template has {placeholders.Count} {{}} placeholder(s) but {valueCount} value(s) were given");
        }

        var result = new StringBuilder(text.Length);
        var copied = 0;
        for (var i = 0; i < placeholders.Count; i++)
        {
            result.Append(text, copied, placeholders[i] - copied).Append(NaturalString(arguments[i + 1]));
            copied = placeholders[i] + 2;
        }

        return JsonValue.Create(result.Append(text, copied, text.Length - copied).ToString());
    }

    private static string NaturalString(JsonNode? value) => value switch
    {
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => $"{p.Key}={NaturalString(p.Value)}")) + "}",
        JsonArray array => "[" + string.Join(", ", array.Select(NaturalString)) + "]",
        _ when value?.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        _ => value?.ToJsonString() ?? "null",
    };
}
