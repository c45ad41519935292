namespace FilePipeline.States;

/// <summary>The predefined <c>States.*</c> error names of the Amazon States Language.</summary>
public static class StatesErrors
{
    public const string All = "States.ALL";
    public const string Runtime = "States.Runtime";
    public const string Timeout = "States.Timeout";
    public const string HeartbeatTimeout = "States.HeartbeatTimeout";
    public const string TaskFailed = "States.TaskFailed";
    public const string Permissions = "States.Permissions";
    public const string DataLimitExceeded = "States.DataLimitExceeded";
    public const string ResultPathMatchFailure = "States.ResultPathMatchFailure";
    public const string ParameterPathFailure = "States.ParameterPathFailure";
    public const string BranchFailed = "States.BranchFailed";
    public const string NoChoiceMatched = "States.NoChoiceMatched";
    public const string IntrinsicFailure = "States.IntrinsicFailure";
    public const string QueryEvaluationError = "States.QueryEvaluationError";
    public const string ExceedToleratedFailureThreshold = "States.ExceedToleratedFailureThreshold";

    /// <summary>
    /// States.ALL matches every error except States.Runtime. AWS's error-handling guide also calls
    /// States.DataLimitExceeded terminal, but executions recorded against AWS show a Task's
    /// States.ALL catcher catching it (docs/states.md, "where recordings overrule the docs").
    /// </summary>
    internal static bool IsTerminal(string error) => error is Runtime;

    /// <summary>Whether an ErrorEquals list matches <paramref name="error"/>, with AWS's wildcard rules.</summary>
    internal static bool Matches(IReadOnlyList<string> errorEquals, string error)
    {
        foreach (var name in errorEquals)
        {
            if (name == error && error != Runtime)
            {
                return true;
            }

            if (name == All && !IsTerminal(error))
            {
                return true;
            }

            // States.TaskFailed is a wildcard for every known error except a timeout.
            if (name == TaskFailed && error != Timeout && !IsTerminal(error))
            {
                return true;
            }
        }

        return false;
    }
}
