using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>
/// Reads typed fields from one JSON object of a definition, recording a <see cref="ValidationError"/>
/// (with the field's location) for each missing, mistyped or unsupported field.
/// </summary>
internal sealed class FieldReader(JsonObject obj, string location, List<ValidationError> errors)
{
    private readonly HashSet<string> known = [];

    public string Location { get; } = location;

    public List<ValidationError> Errors { get; } = errors;

    public JsonObject Object { get; } = obj;

    public bool Has(string field)
    {
        known.Add(field);
        return Object.ContainsKey(field);
    }

    public JsonNode? Raw(string field)
    {
        known.Add(field);
        return Object[field];
    }

    public void Error(string field, string message, string code = "SCHEMA_VALIDATION_FAILED") =>
        Errors.Add(new ValidationError(code, message, field.Length == 0 ? Location : $"{Location}/{field}"));

    public string? String(string field, bool required = false)
    {
        if (!Has(field))
        {
            if (required)
            {
                Error(field, $"The field '{field}' is required");
            }

            return null;
        }

        if (JsonValues.TryGetString(Object[field], out var text))
        {
            return text;
        }

        Error(field, $"The value for the field '{field}' must be a STRING");
        return null;
    }

    public int? Integer(string field, int min, int max = int.MaxValue)
    {
        if (!Has(field))
        {
            return null;
        }

        if (Object[field] is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && value.TryGetValue<double>(out var number) && number == Math.Floor(number) && number >= min && number <= max)
        {
            return (int)number;
        }

        Error(field, $"The value for the field '{field}' must be an INTEGER between {min} and {max}");
        return null;
    }

    public double? Number(string field, double min)
    {
        if (!Has(field))
        {
            return null;
        }

        if (JsonValues.TryGetNumber(Object[field], out var number) && number >= min)
        {
            return number;
        }

        Error(field, $"The value for the field '{field}' must be a NUMBER greater than or equal to {min}");
        return null;
    }

    public bool Boolean(string field)
    {
        if (!Has(field))
        {
            return false;
        }

        if (JsonValues.TryGetBoolean(Object[field], out var flag))
        {
            return flag;
        }

        Error(field, $"The value for the field '{field}' must be a BOOLEAN");
        return false;
    }

    /// <summary>
    /// A Path field; absent means <c>$</c>; JSON null yields <see cref="NullablePath.Null"/>.
    /// <paramref name="reference"/> (ResultPath) requires a Reference Path into the input itself.
    /// </summary>
    public NullablePath Path(string field, bool reference = false)
    {
        if (!Has(field))
        {
            return NullablePath.Root;
        }

        if (Object[field] is null)
        {
            return NullablePath.Null;
        }

        var parsed = RequiredPath(field, reference);
        if (reference && parsed is { IsWritable: false })
        {
            Error(field, $"The value for the field '{field}' must be a path into the state input, not the context object or a variable");
            return NullablePath.Root;
        }

        return parsed is null ? NullablePath.Root : new NullablePath(parsed);
    }

    /// <summary>A path that must be present as a string (Variable, ItemsPath, SecondsPath …).</summary>
    public JsonPath? RequiredPath(string field, bool reference = false)
    {
        var text = String(field);
        if (text is null)
        {
            return null;
        }

        if (!JsonPath.TryParse(text, out var path, out var error))
        {
            Error(field, $"The value for the field '{field}' must be a valid JSONPath: {error}");
            return null;
        }

        if (reference && !path!.IsReferencePath)
        {
            Error(field, $"The value for the field '{field}' must be a valid ReferencePath (only names and indexes, no wildcards or filters)");
            return null;
        }

        return path;
    }

    /// <summary>A payload template field (Parameters, ItemSelector, ResultSelector).</summary>
    public PayloadTemplate? Template(string field)
    {
        if (!Has(field))
        {
            return null;
        }

        var node = Object[field];
        if (node is not JsonObject)
        {
            Error(field, $"The value for the field '{field}' must be an OBJECT");
            return null;
        }

        var before = Errors.Count;
        foreach (var (nested, message) in PayloadTemplate.Validate(node))
        {
            Error($"{field}/{nested}", message);
        }

        return Errors.Count == before ? PayloadTemplate.Create(node) : null;
    }

    public FieldReader? Child(string field, bool required = false)
    {
        if (!Has(field))
        {
            if (required)
            {
                Error(field, $"The field '{field}' is required");
            }

            return null;
        }

        if (Object[field] is JsonObject child)
        {
            return new FieldReader(child, $"{Location}/{field}", Errors);
        }

        Error(field, $"The value for the field '{field}' must be an OBJECT");
        return null;
    }

    public JsonArray? Array(string field, bool required = false)
    {
        if (!Has(field))
        {
            if (required)
            {
                Error(field, $"The field '{field}' is required");
            }

            return null;
        }

        if (Object[field] is JsonArray array)
        {
            return array;
        }

        Error(field, $"The value for the field '{field}' must be an ARRAY");
        return null;
    }

    /// <summary>Reports every field that no reader asked for: AWS rejects unknown fields.</summary>
    public void RejectUnknownFields(string owner)
    {
        foreach (var (key, _) in Object)
        {
            if (!known.Contains(key))
            {
                Error(key, $"Field '{key}' is not supported by {owner}");
            }
        }
    }
}
