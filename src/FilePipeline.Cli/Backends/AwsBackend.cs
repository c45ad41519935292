using System.Text.Json.Nodes;
using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
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
            var credentials = CredentialsFrom(environment);
            var sqs = new AmazonSQSClient(credentials, Configure(new AmazonSQSConfig(), environment, "SQS", region));
            var s3Config = Configure(new AmazonS3Config(), environment, "S3", region);
            s3Config.ForcePathStyle = s3Config.ServiceURL is not null; // Emulators serve buckets by path, not by host name.
            var s3 = new AmazonS3Client(credentials, s3Config);
            var dynamoDb = new AmazonDynamoDBClient(credentials, Configure(new AmazonDynamoDBConfig(), environment, "DYNAMODB", region));
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

    /// <summary>AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY[/AWS_SESSION_TOKEN] from the given environment, else AWSSDK.Core's default chain.</summary>
    private static AWSCredentials CredentialsFrom(Func<string, string?> environment)
    {
        if (environment("AWS_ACCESS_KEY_ID") is not { Length: > 0 } keyId || environment("AWS_SECRET_ACCESS_KEY") is not { Length: > 0 } secret)
        {
            return DefaultAWSCredentialsIdentityResolver.GetCredentials();
        }

        return environment("AWS_SESSION_TOKEN") is { Length: > 0 } token ? new SessionAWSCredentials(keyId, secret, token) : new BasicAWSCredentials(keyId, secret);
    }

    private static T Configure<T>(T config, Func<string, string?> environment, string service, string region)
        where T : ClientConfig
    {
        if ((environment("AWS_ENDPOINT_URL_" + service) ?? environment("AWS_ENDPOINT_URL")) is { Length: > 0 } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        return config;
    }
}
