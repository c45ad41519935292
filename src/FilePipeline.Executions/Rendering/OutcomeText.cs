using FilePipeline.Executions.History;

namespace FilePipeline.Executions.Rendering;

/// <summary>How each outcome is named for people and for CSS.</summary>
internal static class OutcomeText
{
    public static string CssClass(StateOutcome outcome) => outcome switch
    {
        StateOutcome.NotReached => "not-reached",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    public static string Label(StateOutcome outcome) => outcome switch
    {
        StateOutcome.NotReached => "Not reached",
        StateOutcome.Retried => "Retried, then succeeded",
        StateOutcome.Caught => "Failed, caught",
        _ => outcome.ToString(),
    };
}
