namespace FilePipeline.States;

/// <summary>An ASL error raised while running a state: carries the error name Retry/Catch match on.</summary>
internal sealed class StateErrorException(string error, string cause) : Exception(cause)
{
    public string Error { get; } = error;

    public string Cause { get; } = cause;
}
