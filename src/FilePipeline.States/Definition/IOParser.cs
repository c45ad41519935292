using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>
/// Reads a state's (or Catcher's) input/output fields for its query language, and refuses the
/// other language's fields by name, as AWS's validator does.
/// </summary>
internal static class IOParser
{
    /// <summary>Fields that exist only in JSONPath states.</summary>
    public static readonly string[] JsonPathOnly =
    [
        "InputPath", "Parameters", "ResultSelector", "ResultPath", "OutputPath", "ItemsPath",
        "SecondsPath", "TimestampPath", "TimeoutSecondsPath", "HeartbeatSecondsPath", "ErrorPath", "CausePath",
        "MaxConcurrencyPath", "Variable",
    ];

    /// <summary>Fields that exist only in JSONata states.</summary>
    public static readonly string[] JsonataOnly = ["Arguments", "Output", "Condition", "Items"];

    public static StateIO Read(FieldReader reader, QueryLanguage language, IOFields fields, string parametersFailure = StatesErrors.ParameterPathFailure)
    {
        RejectOtherLanguage(reader, language);
        if (language == QueryLanguage.Jsonata)
        {
            return JsonataIO.Read(reader, fields);
        }

        return new JsonPathIO
            {
                InputPath = fields.HasFlag(IOFields.Paths) ? reader.Path("InputPath") : NullablePath.Root,
                OutputPath = fields.HasFlag(IOFields.Paths) ? reader.Path("OutputPath") : NullablePath.Root,
                Parameters = fields.HasFlag(IOFields.Parameters) ? reader.Template("Parameters") : null,
                ParametersFailure = parametersFailure,
                ResultSelector = fields.HasFlag(IOFields.ResultSelector) ? reader.Template("ResultSelector") : null,
                ResultPath = fields.HasFlag(IOFields.ResultPath) ? reader.Path("ResultPath", reference: true) : NullablePath.Root,
                Assign = fields.HasFlag(IOFields.Assign) ? JsonPathAssignField(reader) : null,
            };
    }

    /// <summary>Reports each field of the other query language, naming the language that has it.</summary>
    public static void RejectOtherLanguage(FieldReader reader, QueryLanguage language)
    {
        var (foreign, owner) = language == QueryLanguage.Jsonata ? (JsonPathOnly, "JSONPath") : (JsonataOnly, "JSONata");
        foreach (var field in foreign.Where(reader.Object.ContainsKey))
        {
            _ = reader.Has(field);
            reader.Error(field, $"The field '{field}' is only allowed in {owner} states; this state's QueryLanguage is {(language == QueryLanguage.Jsonata ? "JSONata" : "JSONPath")}");
        }
    }

    /// <summary>The QueryLanguage of a state or machine, defaulting to <paramref name="inherited"/>.</summary>
    public static QueryLanguage ReadLanguage(FieldReader reader, QueryLanguage inherited)
    {
        var language = reader.String("QueryLanguage");
        switch (language)
        {
            case null:
                return inherited;
            case "JSONata":
                return QueryLanguage.Jsonata;
            case "JSONPath" when inherited == QueryLanguage.Jsonata:
                reader.Error("QueryLanguage", "A state cannot use JSONPath when the state machine's QueryLanguage is JSONata");
                return QueryLanguage.Jsonata;
            case "JSONPath":
                return QueryLanguage.JsonPath;
            default:
                reader.Error("QueryLanguage", $"QueryLanguage must be JSONPath or JSONata, not '{language}'");
                return inherited;
        }
    }

    private static JsonPathAssign? JsonPathAssignField(FieldReader reader)
    {
        if (!CheckAssignNames(reader))
        {
            return null;
        }

        var template = reader.Template("Assign");
        return template is null ? null : new JsonPathAssign(template);
    }

    /// <summary>Variable names: an identifier (letters, digits, underscores, not starting with a digit) of at most 80 characters, not the reserved <c>states</c>.</summary>
    public static bool CheckAssignNames(FieldReader reader)
    {
        if (!reader.Has("Assign") || reader.Object["Assign"] is not JsonObject assign)
        {
            return true;
        }

        var valid = true;
        foreach (var key in assign.Select(p => p.Key))
        {
            var name = key.EndsWith(".$", StringComparison.Ordinal) ? key[..^2] : key;
            if (name.Length is 0 or > 80 || char.IsDigit(name[0]) || !name.All(c => char.IsLetterOrDigit(c) || c == '_') || name == "states")
            {
                reader.Error($"Assign/{key}", $"'{name}' is not a valid variable name (letters, digits and underscores, not starting with a digit, at most 80 characters, not 'states')");
                valid = false;
            }
        }

        return valid;
    }
}
