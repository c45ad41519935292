using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.Definition;

namespace FilePipeline.States;

/// <summary>A validated Amazon States Language definition (JSONPath query language), ready to run.</summary>
public sealed class StateMachineDefinition
{
    private StateMachineDefinition(string json, StateBlock root, int? timeoutSeconds, string? comment)
    {
        Json = json;
        Root = root;
        TimeoutSeconds = timeoutSeconds;
        Comment = comment;
    }

    public string StartAt => Root.StartAt;

    /// <summary>The top-level state names (nested branch and Map states are not listed).</summary>
    public IReadOnlyCollection<string> StateNames => [.. Root.States.Keys];

    /// <summary>The machine's TimeoutSeconds: past it the execution ends TIMED_OUT.</summary>
    public int? TimeoutSeconds { get; }

    public string? Comment { get; }

    /// <summary>The definition text as given, which DescribeStateMachine returns verbatim.</summary>
    public string Json { get; }

    internal StateBlock Root { get; }

    /// <summary>The longest definition CreateStateMachine accepts, in characters.</summary>
    public const int MaxDefinitionLength = 1_048_576;

    /// <summary>Parses and validates; on failure the result lists every error with its location.</summary>
    public static DefinitionParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxDefinitionLength)
        {
            // CreateStateMachine's constraint on the definition, in AWS's words.
            return DefinitionParseResult.Invalid(new ValidationError(
                "ValidationException",
                $"1 validation error detected: Value at 'definition' failed to satisfy constraint: Member must have length less than or equal to {MaxDefinitionLength}",
                "/"));
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            return DefinitionParseResult.Invalid(new ValidationError("INVALID_JSON_DESCRIPTION", e.Message, "/"));
        }

        if (node is not JsonObject obj)
        {
            return DefinitionParseResult.Invalid(new ValidationError("SCHEMA_VALIDATION_FAILED", "The definition must be a JSON object", "/"));
        }

        var errors = new List<ValidationError>();
        var reader = new FieldReader(obj, "", errors);
        _ = reader.String("Comment");
        _ = reader.String("Version");
        var language = IOParser.ReadLanguage(reader, QueryLanguage.JsonPath);
        var timeout = reader.Integer("TimeoutSeconds", 1, 99_999_999);
        var root = StateBlock.Parse(reader, language);
        reader.RejectUnknownFields("a state machine");
        return errors.Count == 0 && root is not null
            ? new DefinitionParseResult(new StateMachineDefinition(json, root, timeout, reader.String("Comment")), [])
            : DefinitionParseResult.Invalid([.. errors]);
    }
}
