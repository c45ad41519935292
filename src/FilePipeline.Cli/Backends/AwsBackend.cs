using System.Text.Json.Nodes;
using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using FilePipeline.Aws.DynamoDb;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.S3;
using FilePipeline.Aws.Sqs;
using FilePipeline.Host;
using FilePipeline.Host.Integrations;
using FilePipeline.Host.Template;
using FilePipeline.Local.Hosting;

namespace FilePipeline.Cli.Backends;

/// <summary>
/// <c>--backend aws</c>: the functions and the state machine stay in this process while the bucket,
/// the queues and the table are real S3, SQS and DynamoDB, at <c>AWS_ENDPOINT_URL_{S3,SQS,DYNAMODB}</c>
/// (or <c>AWS_ENDPOINT_URL</c>) when set, else AWS in <c>AWS_REGION</c>. Names are the template's.
/// </summary>
internal static class AwsBackend
{
    /// <summary>The composition <see cref="LocalPipeline.OpenAsync(LocalHostOptions, Func{PipelineTemplate, CancellationToken, Task{PipelineServices}}, CancellationToken)"/> calls.</summary>
    public static Func<PipelineTemplate, CancellationToken, Task<PipelineServices>> Compose(Func<string, string?> environment, bool createResources) =>
        async (template, cancellationToken) =>
        {
            var region = AwsJsonEndpoint.RegionFrom(environment);
            var credentials = AwsClientConfiguration.Credentials(environment);
            var sqs = new AmazonSQSClient(credentials, AwsClientConfiguration.Configure(new AmazonSQSConfig(), environment, "SQS", region));
            var s3Config = AwsClientConfiguration.Configure(new AmazonS3Config(), environment, "S3", region);
            s3Config.ForcePathStyle = s3Config.ServiceURL is not null; // Emulators serve buckets by path, not by host name.
            var s3 = new AmazonS3Client(credentials, s3Config);
            var dynamoDb = new AmazonDynamoDBClient(credentials, AwsClientConfiguration.Configure(new AmazonDynamoDBConfig(), environment, "DYNAMODB", region));
            var clients = new Clients(sqs, s3, dynamoDb);
            var table = DynamoDbJsonClient.FromEnvironment(environment, credentials);
            var resources = new AwsResources(template, sqs, s3, table);
            string workQueueUrl, deadLetterQueueUrl;
            try
            {
                (workQueueUrl, deadLetterQueueUrl) = createResources
                    ? await resources.CreateAsync(cancellationToken)
                    : await resources.FindQueuesAsync(cancellationToken);
            }
            catch
            {
                clients.Dispose();
                throw;
            }

            var ledger = new DynamoDbLedger(dynamoDb, template.Table.Name);
            return new PipelineServices(
                new S3ObjectStore(s3),
                new SqsJobQueue(sqs, workQueueUrl),
                new SqsWorkQueueConsumer(sqs, workQueueUrl),
                ledger,
                ledger,
                new SqsDeadLetterQueue(sqs, deadLetterQueueUrl, workQueueUrl),
                DynamoDbTaskHandler.NamingErrors<AwsServiceException>(table.ExecuteAsync, e => (e.ErrorCode, e.ServiceMessage)),
                NotifiesUploads: false)
            {
                Owned = clients,
            };
        };

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
