using Amazon.Runtime;
using FilePipeline.Aws.Protocol;
using FilePipeline.Core.Errors;

namespace FilePipeline.Aws;

/// <summary>Turns AWS SDK failures that retrying may fix into the core's <see cref="StorageUnavailableException"/>.</summary>
internal static class AwsErrorTranslation
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        AmazonServiceException service => (int)service.StatusCode >= 500 || AwsErrorCodes.IsThrottling(service.ErrorCode),
        // No response at all (connection refused, reset, timeout); other client exceptions are our own mistakes.
        AmazonClientException client => client.InnerException is HttpRequestException or IOException or TimeoutException,
        HttpRequestException => true,
        TimeoutException => true,
        _ => false,
    };

    public static StorageUnavailableException Unavailable(string what, Exception exception) =>
        new($"{what} failed transiently: {exception.Message}", exception);
}
