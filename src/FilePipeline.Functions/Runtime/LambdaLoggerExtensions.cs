namespace FilePipeline.Functions.Runtime;

/// <summary>What our functions do with a logger beyond Amazon.Lambda.Core's <see cref="ILambdaLogger"/>.</summary>
public static class LambdaLoggerExtensions
{
    /// <summary>
    /// A logger that adds <paramref name="name"/> = <paramref name="value"/> to every entry it writes
    /// (see <see cref="LogFields"/>). Fields are part of Lambda's JSON log format, so only
    /// <see cref="JsonLambdaLogger"/> writes them; any other logger is returned as it is.
    /// </summary>
    public static ILambdaLogger WithField(this ILambdaLogger logger, string name, string value)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger is JsonLambdaLogger json ? json.WithField(name, value) : logger;
    }
}
