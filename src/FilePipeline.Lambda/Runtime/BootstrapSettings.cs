using FilePipeline.Functions.Runtime;

namespace FilePipeline.Lambda.Runtime;

/// <summary>What the loop needs besides the Runtime API; <see cref="SetEnvironmentVariable"/> is injectable so tests leave the process alone.</summary>
public sealed record BootstrapSettings(string FunctionName, ILambdaLogger Logger, TimeProvider Time)
{
    public Action<string, string?> SetEnvironmentVariable { get; init; } = Environment.SetEnvironmentVariable;
}
