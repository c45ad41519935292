namespace FilePipeline.Serve.Logs;

/// <summary>The state machine's <c>Logging</c>: the level (ALL, ERROR, FATAL, OFF) and whether inputs and outputs are logged.</summary>
public sealed record ExpressLogging(string Level, bool IncludeExecutionData);
