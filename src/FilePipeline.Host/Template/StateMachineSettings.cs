namespace FilePipeline.Host.Template;

/// <summary>The template's state machine: its name, ARN, type, definition file and resolved DefinitionSubstitutions.</summary>
public sealed record StateMachineSettings(
    string LogicalId,
    string Name,
    string Arn,
    bool Express,
    string DefinitionPath,
    IReadOnlyDictionary<string, string> Substitutions)
{
    /// <summary>The Logging level (ALL, ERROR, FATAL or OFF): an express machine's history is only in its logs.</summary>
    public string LoggingLevel { get; init; } = "OFF";

    /// <summary>Whether the logged events carry inputs and outputs (IncludeExecutionData).</summary>
    public bool IncludesExecutionData { get; init; }

    /// <summary>The AWS::Logs::LogGroup the Logging destination points at, if any.</summary>
    public string? LogGroupLogicalId { get; init; }

    /// <summary>The definition text with every <c>${Name}</c> of DefinitionSubstitutions replaced, as CloudFormation does.</summary>
    public string LoadDefinition()
    {
        var text = File.ReadAllText(DefinitionPath);
        foreach (var (name, value) in Substitutions)
        {
            text = text.Replace("${" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
