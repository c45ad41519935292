using FilePipeline.Host;


namespace FilePipeline.Cli.Pipeline;

/// <summary>
/// What the pipeline commands take from outside the command line: environment variables, and a
/// last adjustment of the host options (tests use it to skip real waiting and capture logs).
/// </summary>
internal sealed record CliEnvironment(Func<string, string?> Variables, Func<LocalHostOptions, LocalHostOptions> Adjust)
{
    public static CliEnvironment Process { get; } = new(Environment.GetEnvironmentVariable, options => options);
}
