using FilePipeline.Cli.Pipeline;
using FilePipeline.States;

namespace FilePipeline.Cli.Commands;

/// <summary><c>states validate</c>, and the definition check <c>states run</c> starts with.</summary>
internal static partial class StatesCommand
{
    public static int Validate(FileInfo file, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (InputFile.ProblemWith(file.FullName, "definition") is { } unreadable)
        {
            error.WriteLine(unreadable);
            return ExitUsage;
        }

        if (ParseOrReport(File.ReadAllText(file.FullName), error) is not { } definition)
        {
            return ExitInvalidDefinition;
        }

        output.WriteLine($"{file.Name}: valid ({definition.StateNames.Count} top-level states, StartAt '{definition.StartAt}')");
        return ExitSucceeded;
    }

    /// <summary>The parsed definition, or null once its problems are written to <paramref name="error"/>.</summary>
    private static StateMachineDefinition? ParseOrReport(string definitionJson, TextWriter error)
    {
        var parsed = StateMachineDefinition.Parse(definitionJson);
        foreach (var problem in parsed.Errors)
        {
            error.WriteLine(problem);
        }

        return parsed.Definition;
    }
}
