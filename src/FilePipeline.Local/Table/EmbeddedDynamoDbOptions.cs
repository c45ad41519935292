namespace FilePipeline.Local.Table;

/// <summary>Settings of the embedded table, including fault injection for throttling demos.</summary>
public sealed record EmbeddedDynamoDbOptions
{
    /// <summary>
    /// Share (0–1) of item operations that fail with ProvisionedThroughputExceededException before
    /// touching the table, as an overloaded DynamoDB table would answer.
    /// </summary>
    public double ThrottleRate { get; init; }

    /// <summary>The dice for <see cref="ThrottleRate"/>; tests pass a seeded or scripted one.</summary>
    public Random Random { get; init; } = Random.Shared;
}
