using System.Text.Json;
using FilePipeline.Core;
using FilePipeline.Core.Ledger;
using FilePipeline.Functions;
using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Hosting;

/// <summary>
/// How long a failed work message stays invisible. Locally the retry delay replaces the template's
/// visibility timeout, but never lets a message return while its file's claim lease still holds:
/// on AWS the visibility timeout outlasts the lease, and a message back too early would find the
/// claim taken and be skipped as a duplicate while nobody finishes the file.
/// </summary>
internal sealed class RetryVisibility(LocalPipeline pipeline)
{
    /// <summary>Seconds until the message may be received again, or null to keep its current visibility (the ledger could not be read).</summary>
    public async Task<int?> SecondsForAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        var retry = pipeline.Options.RetryDelaySeconds;
        FileRef file;
        try
        {
            var body = JsonSerializer.Deserialize(message.Body, FunctionsJsonContext.Default.QueueMessage);
            if (body is null || string.IsNullOrEmpty(body.Bucket) || string.IsNullOrEmpty(body.Key) || string.IsNullOrEmpty(body.ETag))
            {
                return retry;
            }

            file = new FileRef(body.Bucket, body.Key, body.ETag, body.VersionId);
        }
        catch (JsonException)
        {
            return retry; // A poison message holds no claim.
        }

        try
        {
            var record = await pipeline.Ledger.GetAsync(file.FileId, cancellationToken);
            if (record is { Status: FileStatus.Processing, LeaseUntil: { } leaseUntil })
            {
                var untilLeaseEnds = leaseUntil - pipeline.Options.Time.GetUtcNow().ToUnixTimeSeconds() + 1;
                return (int)Math.Clamp(Math.Max(retry, untilLeaseEnds), 0, QueueLimits.MaxVisibilityTimeout);
            }

            return retry;
        }
#pragma warning disable CA1031 // Any ledger error (embedded or DynamoDB) means: leave the visibility as it is.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
