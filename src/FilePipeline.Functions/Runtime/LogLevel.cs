namespace FilePipeline.Functions.Runtime;

/// <summary>Log levels, as in Amazon.Lambda.Core's <c>LogLevel</c>.</summary>
public enum LogLevel
{
    Trace,
    Debug,
    Information,
    Warning,
    Error,
    Critical,
}
