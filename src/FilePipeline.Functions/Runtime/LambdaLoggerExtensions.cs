namespace FilePipeline.Functions.Runtime;

/// <summary>The per-level shorthands of Amazon.Lambda.Core's logger.</summary>
public static class LambdaLoggerExtensions
{
    public static void LogTrace(this ILambdaLogger logger, string message) => Write(logger, LogLevel.Trace, message, null);

    public static void LogDebug(this ILambdaLogger logger, string message) => Write(logger, LogLevel.Debug, message, null);

    public static void LogInformation(this ILambdaLogger logger, string message) => Write(logger, LogLevel.Information, message, null);

    public static void LogWarning(this ILambdaLogger logger, string message, Exception? exception = null) => Write(logger, LogLevel.Warning, message, exception);

    public static void LogError(this ILambdaLogger logger, string message, Exception? exception = null) => Write(logger, LogLevel.Error, message, exception);

    public static void LogCritical(this ILambdaLogger logger, string message, Exception? exception = null) => Write(logger, LogLevel.Critical, message, exception);

    private static void Write(ILambdaLogger logger, LogLevel level, string message, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(logger);
        logger.Log(level, message, exception);
    }
}
