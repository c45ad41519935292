namespace FilePipeline.Serve.Protocol;

/// <summary>An AWS error answer: the service's error code, a message and the HTTP status AWS uses for it.</summary>
public sealed class AwsErrorException(string code, string message, int status = 400) : Exception(message)
{
    public string Code { get; } = code;

    public int Status { get; } = status;
}
