namespace FilePipeline.Annotations.SQS;

/// <summary>
/// An SQS event source mapping of the function (SAM's <c>SQS</c> event). Only the properties that are
/// set are written to the template; the others keep SQS's and Lambda's defaults.
/// </summary>
/// <param name="queue">A queue ARN, or <c>@LogicalId</c> of a queue (or parameter) in the template.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class SQSEventAttribute(string queue) : Attribute
{
    public string Queue { get; } = queue;

    /// <summary>The event's key under <c>Events</c>; by default the queue's logical id, or its name for an ARN.</summary>
    public string? ResourceName { get; set; }

    /// <summary>False pauses polling. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>1 to 10000 messages per batch (10 for FIFO). Default 10.</summary>
    public uint BatchSize { get; set; }

    /// <summary>0 to 300 seconds to gather a batch; at least 1 when <see cref="BatchSize"/> is over 10.</summary>
    public uint MaximumBatchingWindowInSeconds { get; set; }

    /// <summary>Semicolon-separated event filter patterns.</summary>
    public string? Filters { get; set; }

    /// <summary>2 to 1000 concurrent invocations this source may start.</summary>
    public uint MaximumConcurrency { get; set; }
}
