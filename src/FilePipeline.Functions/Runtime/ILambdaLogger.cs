namespace FilePipeline.Functions.Runtime;

/// <summary>
/// The logger a function gets from its <see cref="ILambdaContext"/>, shaped like
/// Amazon.Lambda.Core's <c>ILambdaLogger</c>, plus <see cref="WithField"/> for structured fields.
/// <c>LogInformation</c> and friends are in <see cref="LambdaLoggerExtensions"/>.
/// </summary>
public interface ILambdaLogger
{
    /// <summary>Writes one log entry; <paramref name="exception"/> adds its type, message and stack trace.</summary>
    void Log(LogLevel level, string message, Exception? exception = null);

    /// <summary>
    /// A logger that adds <paramref name="name"/> = <paramref name="value"/> to every entry it writes
    /// (see <see cref="LogFields"/>); this logger is unchanged, so concurrent work can each scope its own.
    /// </summary>
    ILambdaLogger WithField(string name, string value);
}
