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
