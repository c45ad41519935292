using System.Text.Json.Nodes;

namespace FilePipeline.States.Definition;

/// <summary>Transitions to the Next of the first matching rule, else Default, else States.NoChoiceMatched.</summary>
internal sealed class ChoiceState : State
{
    public override string Type => "Choice";

    public required IReadOnlyList<ChoiceBranch> Choices { get; init; }

    public string? Default { get; init; }

    public override IEnumerable<string> Transitions =>
        Default is null ? Choices.Select(c => c.Next) : Choices.Select(c => c.Next).Append(Default);

    /// <summary>A matching rule's own Assign replaces the state's, which applies with Default (as recorded on AWS).</summary>
    public override ValueTask<StateWork> WorkAsync(IStateContext run, JsonNode? input, JsonNode? arguments)
    {
        foreach (var choice in Choices)
        {
            if (choice.Rule.Evaluate(input, run))
            {
                return ValueTask.FromResult(new StateWork(input, ResultKind.Input, choice.Next, choice.Assign, choice.JsonataIO));
            }
        }

        return Default is not null
            ? ValueTask.FromResult(new StateWork(input, ResultKind.Input, Default))
            : throw new StateErrorException(StatesErrors.NoChoiceMatched, $"No Choice Rules matched and no Default was specified in Choice state '{Name}'");
    }
}

/// <summary>
/// One element of Choices: its rule, its Next, and the variables it assigns when it matches. A JSONata
/// rule's own Output and Assign replace the state's (recorded on AWS: the state's apply with Default).
/// </summary>
internal sealed record ChoiceBranch(ChoiceRule Rule, string Next, AssignField? Assign, StateIO? JsonataIO);
