namespace FilePipeline.Aws.Logs;

/// <summary>The log group does not exist (never created, deleted, or in another account or region).</summary>
public sealed class LogGroupNotFoundException(string logGroupName, Exception? inner)
    : Exception($"the log group '{logGroupName}' does not exist.", inner)
{
    public string LogGroupName { get; } = logGroupName;
}
