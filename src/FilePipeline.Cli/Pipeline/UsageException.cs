namespace FilePipeline.Cli.Pipeline;

/// <summary>The command line asks for something impossible; reported as "error: …" with exit code 1.</summary>
internal sealed class UsageException(string message) : Exception(message);
