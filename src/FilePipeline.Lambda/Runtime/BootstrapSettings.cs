using System.Globalization;
using FilePipeline.Functions.Runtime;

namespace FilePipeline.Lambda.Runtime;

/// <summary>What the loop needs besides the Runtime API; <see cref="SetEnvironmentVariable"/> is injectable so tests leave the process alone.</summary>
public sealed record BootstrapSettings(string FunctionName, ILambdaLogger Logger, TimeProvider Time)
{
    public Action<string, string?> SetEnvironmentVariable { get; init; } = Environment.SetEnvironmentVariable;

    /// <summary><c>AWS_LAMBDA_FUNCTION_VERSION</c>.</summary>
    public string FunctionVersion { get; init; } = "$LATEST";

    /// <summary><c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>.</summary>
    public int MemoryLimitInMB { get; init; }

    /// <summary><c>AWS_LAMBDA_LOG_GROUP_NAME</c>.</summary>
    public string LogGroupName { get; init; } = string.Empty;

    /// <summary><c>AWS_LAMBDA_LOG_STREAM_NAME</c>.</summary>
    public string LogStreamName { get; init; } = string.Empty;

    /// <summary>The function's settings from the variables Lambda defines for a custom runtime.</summary>
    public static BootstrapSettings FromEnvironment(Func<string, string?> environment, ILambdaLogger logger, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new BootstrapSettings(environment("AWS_LAMBDA_FUNCTION_NAME") ?? "local", logger, time)
        {
            FunctionVersion = environment("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST",
            MemoryLimitInMB = int.TryParse(environment("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), NumberStyles.None, CultureInfo.InvariantCulture, out var memory) ? memory : 0,
            LogGroupName = environment("AWS_LAMBDA_LOG_GROUP_NAME") ?? string.Empty,
            LogStreamName = environment("AWS_LAMBDA_LOG_STREAM_NAME") ?? string.Empty,
        };
    }
}
