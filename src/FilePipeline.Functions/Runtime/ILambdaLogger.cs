namespace FilePipeline.Functions.Runtime;

/// <summary>
/// The logger a function gets from its <see cref="ILambdaContext"/>: exactly Amazon.Lambda.Core's
/// <c>ILambdaLogger</c> members, with its default implementations' meaning (each level's shorthand
/// goes to <see cref="Log(string, string)"/> with the level's name). Ours beyond it, structured
/// fields, is <see cref="LambdaLoggerExtensions.WithField"/>.
/// </summary>
public interface ILambdaLogger
{
    void Log(string message);

    void LogLine(string message);

    /// <param name="level">A <see cref="LogLevel"/> name (Lambda's TRACE … FATAL are read too).</param>
    void Log(string level, string message) => LogLine(message);

    void Log(LogLevel level, string message) => Log(level.ToString(), message);

    void LogTrace(string message) => Log(LogLevel.Trace.ToString(), message);

    void LogDebug(string message) => Log(LogLevel.Debug.ToString(), message);

    void LogInformation(string message) => Log(LogLevel.Information.ToString(), message);

    void LogWarning(string message) => Log(LogLevel.Warning.ToString(), message);

    void LogError(string message) => Log(LogLevel.Error.ToString(), message);

    void LogCritical(string message) => Log(LogLevel.Critical.ToString(), message);

    /// <param name="message">A message template: <c>{name}</c> placeholders take <paramref name="args"/> in order.</param>
    void Log(string level, string message, params object[] args) => Log(level, message);

    void Log(string level, Exception exception, string message, params object[] args)
    {
        Log(level, message, args);
        Log(level, exception?.ToString() ?? "", args);
    }

    void Log(LogLevel level, string message, params object[] args) => Log(level.ToString(), message, args);

    void Log(LogLevel level, Exception exception, string message, params object[] args) => Log(level.ToString(), exception, message, args);

    void LogTrace(string message, params object[] args) => Log(LogLevel.Trace.ToString(), message, args);

    void LogTrace(Exception exception, string message, params object[] args) => Log(LogLevel.Trace.ToString(), exception, message, args);

    void LogDebug(string message, params object[] args) => Log(LogLevel.Debug.ToString(), message, args);

    void LogDebug(Exception exception, string message, params object[] args) => Log(LogLevel.Debug.ToString(), exception, message, args);

    void LogInformation(string message, params object[] args) => Log(LogLevel.Information.ToString(), message, args);

    void LogInformation(Exception exception, string message, params object[] args) => Log(LogLevel.Information.ToString(), exception, message, args);

    void LogWarning(string message, params object[] args) => Log(LogLevel.Warning.ToString(), message, args);

    void LogWarning(Exception exception, string message, params object[] args) => Log(LogLevel.Warning.ToString(), exception, message, args);

    void LogError(string message, params object[] args) => Log(LogLevel.Error.ToString(), message, args);

    void LogError(Exception exception, string message, params object[] args) => Log(LogLevel.Error.ToString(), exception, message, args);

    void LogCritical(string message, params object[] args) => Log(LogLevel.Critical.ToString(), message, args);

    void LogCritical(Exception exception, string message, params object[] args) => Log(LogLevel.Critical.ToString(), exception, message, args);
}
