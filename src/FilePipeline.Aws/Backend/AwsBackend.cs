using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using FilePipeline.Aws.DynamoDb;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.S3;
using FilePipeline.Aws.Sqs;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.Backend;

/// <summary>
/// <c>--backend aws</c>: the functions and the state machine stay in the host's process while the
/// bucket, the queues and the table are real S3, SQS and DynamoDB, at <c>AWS_ENDPOINT_URL_{S3,SQS,DYNAMODB}</c>
/// (or <c>AWS_ENDPOINT_URL</c>) when set, else AWS in <c>AWS_REGION</c>.
/// </summary>
/// <param name="createResources">Create the resources (or bring them in line with the settings) rather than only find the queues.</param>
public sealed class AwsBackend(Func<string, string?> environment, bool createResources) : IPipelineBackend
{
    public async Task<PipelineServices> OpenAsync(PipelineResources resources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resources);
        var region = AwsJsonEndpoint.RegionFrom(environment);
        var credentials = AwsClientConfiguration.Credentials(environment);
        var sqs = new AmazonSQSClient(credentials, AwsClientConfiguration.Configure(new AmazonSQSConfig(), environment, "SQS", region));
        var s3Config = AwsClientConfiguration.Configure(new AmazonS3Config(), environment, "S3", region);
        s3Config.ForcePathStyle = s3Config.ServiceURL is not null; // Emulators serve buckets by path, not by host name.
        var s3 = new AmazonS3Client(credentials, s3Config);
        var dynamoDb = new AmazonDynamoDBClient(credentials, AwsClientConfiguration.Configure(new AmazonDynamoDBConfig(), environment, "DYNAMODB", region));
        var clients = new Clients(sqs, s3, dynamoDb);
        var table = DynamoDbJsonClient.FromEnvironment(environment, credentials);
        var found = new AwsResources(resources, sqs, s3, table);
        string workQueueUrl, deadLetterQueueUrl;
        try
        {
            (workQueueUrl, deadLetterQueueUrl) = createResources
                ? await found.CreateAsync(cancellationToken)
                : await found.FindQueuesAsync(cancellationToken);
        }
        catch
        {
            clients.Dispose();
            throw;
        }

        var ledger = new DynamoDbLedger(dynamoDb, resources.TableName);
        return new PipelineServices(
            new S3ObjectStore(s3),
            new SqsJobQueue(sqs, workQueueUrl),
            new SqsWorkQueueConsumer(sqs, workQueueUrl),
            ledger,
            ledger,
            new SqsDeadLetterQueue(sqs, deadLetterQueueUrl, workQueueUrl),
            table,
            NotifiesUploads: false)
        {
            Owned = clients,
        };
    }

    private sealed class Clients(params IDisposable[] clients) : IDisposable
    {
        public void Dispose()
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
