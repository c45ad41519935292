namespace FilePipeline.Cli.Pipeline;

/// <summary>Exit codes of the pipeline commands (docs/local.md lists them per command).</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int Usage = 1;
    public const int Rejected = 2;
    public const int Failed = 3;

    /// <summary>The state directory or its database cannot be used (damaged, locked, full, read-only, not FilePipeline's).</summary>
    public const int StateDirectory = 4;
}
