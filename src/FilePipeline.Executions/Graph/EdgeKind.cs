namespace FilePipeline.Executions.Graph;

/// <summary>Why one state can transition to another in an ASL definition.</summary>
public enum EdgeKind
{
    /// <summary>A state's <c>Next</c> field.</summary>
    Next,

    /// <summary>One of a Choice state's <c>Choices[].Next</c>.</summary>
    Choice,

    /// <summary>A Choice state's <c>Default</c>.</summary>
    Default,

    /// <summary>A <c>Catch[].Next</c> taken when the state fails with a matching error.</summary>
    Catch,
}
