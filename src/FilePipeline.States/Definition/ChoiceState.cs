using System.Text.Json.Nodes;
using FilePipeline.States.Execution;

namespace FilePipeline.States.Definition;

/// <summary>Transitions to the Next of the first matching rule, else Default, else States.NoChoiceMatched.</summary>
internal sealed class ChoiceState : State
{
    public override string Type => "Choice";

    public required IReadOnlyList<(ChoiceRule Rule, string Next)> Choices { get; init; }

    public string? Default { get; init; }

    public override IEnumerable<string> Transitions =>
        Default is null ? Choices.Select(c => c.Next) : Choices.Select(c => c.Next).Append(Default);

    public override ValueTask<StateResult> ExecuteAsync(StateRun run, JsonNode? input)
    {
        var effective = InputPath.Select(input);
        foreach (var (rule, next) in Choices)
        {
            if (rule.Evaluate(effective, run.ContextFactory))
            {
                return ValueTask.FromResult(new StateResult(OutputPath.Select(effective), next));
            }
        }

        return Default is not null
            ? ValueTask.FromResult(new StateResult(OutputPath.Select(effective), Default))
            : throw new StateErrorException(StatesErrors.NoChoiceMatched, $"No Choice Rules matched and no Default was specified in Choice state '{Name}'");
    }
}
