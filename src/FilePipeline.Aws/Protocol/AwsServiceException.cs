using System.Net;

namespace FilePipeline.Aws.Protocol;

/// <summary>
/// An error response of an AWS JSON-protocol service: <see cref="ErrorCode"/> is the name after the
/// last <c>#</c> of <c>__type</c> (e.g. <c>StateMachineDoesNotExist</c>, <c>ConditionalCheckFailedException</c>).
/// </summary>
public sealed class AwsServiceException(string errorCode, string message, HttpStatusCode statusCode, string? requestId)
    : Exception($"{errorCode}: {message}")
{
    public string ErrorCode { get; } = errorCode;

    public string ServiceMessage { get; } = message;

    public HttpStatusCode StatusCode { get; } = statusCode;

    public string? RequestId { get; } = requestId;

    /// <summary>Throttling or a server-side fault: the same request may succeed later.</summary>
    public bool IsTransient => (int)StatusCode >= 500 || AwsErrorCodes.IsThrottling(ErrorCode);
}
