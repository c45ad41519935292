namespace FilePipeline.Executions.History;

/// <summary>What happened to a state in one execution, from least to most severe.</summary>
public enum StateOutcome
{
    /// <summary>The execution never entered the state.</summary>
    NotReached,

    /// <summary>Entered and left normally at the first attempt.</summary>
    Succeeded,

    /// <summary>Failed at least once, then a retry succeeded.</summary>
    Retried,

    /// <summary>Failed (after any retries) and a Catch sent the execution on to its Next.</summary>
    Caught,

    /// <summary>Failed and nothing caught it (or a Fail state was entered).</summary>
    Failed,
}
