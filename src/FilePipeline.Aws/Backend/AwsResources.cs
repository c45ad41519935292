using System.Globalization;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using FilePipeline.Aws.DynamoDb;
using FilePipeline.Aws.Protocol;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.Backend;

/// <summary>
/// Finds, or with <c>--create-resources</c> creates, the pipeline's bucket, queues and table on the
/// real services, with the settings given (visibility, retention, redrive to the DLQ after
/// maxReceiveCount, a versioned bucket, an on-demand table with the given partition key).
/// </summary>
internal sealed class AwsResources(PipelineResources resources, IAmazonSQS sqs, IAmazonS3 s3, DynamoDbJsonClient table)
{
    public async Task<(string WorkQueueUrl, string DeadLetterQueueUrl)> FindQueuesAsync(CancellationToken cancellationToken) =>
        ((await sqs.GetQueueUrlAsync(resources.WorkQueue.Name, cancellationToken)).QueueUrl,
         (await sqs.GetQueueUrlAsync(resources.DeadLetterQueue.Name, cancellationToken)).QueueUrl);

    public async Task<(string WorkQueueUrl, string DeadLetterQueueUrl)> CreateAsync(CancellationToken cancellationToken)
    {
        var deadLetterUrl = await EnsureQueueAsync(resources.DeadLetterQueue, null, cancellationToken);
        var deadLetterArn = (await sqs.GetQueueAttributesAsync(deadLetterUrl, ["QueueArn"], cancellationToken)).QueueARN;
        var redrive = resources.WorkQueue.Redrive is { } policy
            ? new JsonObject { ["deadLetterTargetArn"] = deadLetterArn, ["maxReceiveCount"] = policy.MaxReceiveCount }.ToJsonString()
            : null;
        var workUrl = await EnsureQueueAsync(resources.WorkQueue, redrive, cancellationToken);
        await EnsureBucketAsync(cancellationToken);
        await EnsureTableAsync(cancellationToken);
        return (workUrl, deadLetterUrl);
    }

    private async Task<string> EnsureQueueAsync(QueueResource queue, string? redrivePolicy, CancellationToken cancellationToken)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["VisibilityTimeout"] = queue.VisibilityTimeout.ToString(CultureInfo.InvariantCulture),
            ["MessageRetentionPeriod"] = queue.MessageRetentionPeriod.ToString(CultureInfo.InvariantCulture),
        };
        if (redrivePolicy is not null)
        {
            attributes["RedrivePolicy"] = redrivePolicy;
        }

        try
        {
            return (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = queue.Name, Attributes = attributes }, cancellationToken)).QueueUrl;
        }
        catch (QueueNameExistsException)
        {
            // It exists with other attributes: bring it in line with the settings.
            var url = (await sqs.GetQueueUrlAsync(queue.Name, cancellationToken)).QueueUrl;
            await sqs.SetQueueAttributesAsync(url, attributes, cancellationToken);
            return url;
        }
    }

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        try
        {
            await s3.PutBucketAsync(new PutBucketRequest { BucketName = resources.BucketName }, cancellationToken);
        }
        catch (AmazonS3Exception e) when (e.ErrorCode is "BucketAlreadyOwnedByYou")
        {
            // Created by an earlier run.
        }

        await s3.PutBucketVersioningAsync(
            new PutBucketVersioningRequest { BucketName = resources.BucketName, VersioningConfig = new S3BucketVersioningConfig { Status = VersionStatus.Enabled } },
            cancellationToken);
    }

    private async Task EnsureTableAsync(CancellationToken cancellationToken)
    {
        var key = resources.TablePartitionKey;
        try
        {
            await table.ExecuteAsync("CreateTable", new JsonObject
            {
                ["TableName"] = resources.TableName,
                ["BillingMode"] = "PAY_PER_REQUEST",
                ["AttributeDefinitions"] = new JsonArray(new JsonObject { ["AttributeName"] = key, ["AttributeType"] = "S" }),
                ["KeySchema"] = new JsonArray(new JsonObject { ["AttributeName"] = key, ["KeyType"] = "HASH" }),
            }, cancellationToken);
        }
        catch (AwsServiceException e) when (e.ErrorCode == "ResourceInUseException")
        {
            // The table exists already.
        }
    }
}
