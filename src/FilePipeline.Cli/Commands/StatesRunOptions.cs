namespace FilePipeline.Cli.Commands;

/// <summary>The options of <c>filepipeline states run</c>.</summary>
internal sealed record StatesRunOptions
{
    public required FileInfo Definition { get; init; }

    public string? Input { get; init; }

    public FileInfo? InputFile { get; init; }

    public FileInfo? MockConfig { get; init; }

    public string? TestCase { get; init; }

    public string? StateMachineName { get; init; }

    public string? ExecutionName { get; init; }

    public bool History { get; init; }

    public bool Json { get; init; }

    public bool NoWait { get; init; }

    /// <summary>Run under a standard workflow's limits (one year, 25,000 history events) instead of an express one's.</summary>
    public bool Standard { get; init; }

    /// <summary>Where to write the execution's self-contained HTML report, if anywhere.</summary>
    public FileInfo? Html { get; init; }

    /// <summary>With <c>--services local</c>: the state directory whose table and functions serve the Task states; null for none.</summary>
    public Host.LocalHostOptions? LocalServices { get; init; }
}
