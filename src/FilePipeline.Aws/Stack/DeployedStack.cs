using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using Amazon.SQS.Model;
using FilePipeline.Aws.DynamoDb;
using FilePipeline.Aws.Lambda;
using FilePipeline.Aws.Logs;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.S3;
using FilePipeline.Aws.Sqs;
using FilePipeline.Core.Ports;

namespace FilePipeline.Aws.Stack;

/// <summary>
/// A stack deployed with <c>dotnet lambda deploy-serverless</c>, as the operating commands see it:
/// its bucket, ledger, DLQ (redriven by a message move task), failed-invoke queue (redriven by
/// invoking the function again, asynchronously) and the express executions in its log group.
/// Nothing runs here: the deployed functions consume the queues.
/// </summary>
public sealed class DeployedStack : IDisposable
{
    private readonly IDisposable[] owned;

    private DeployedStack(StackNames names, IObjectStore objects, ILedger ledger, IDeadLetterQueue deadLetters, IDeadLetterQueue failedInvocations, ExpressExecutionReader? executions, IDisposable[] owned)
    {
        (Names, Objects, Ledger, DeadLetters, FailedInvocations, Executions) = (names, objects, ledger, deadLetters, failedInvocations, executions);
        this.owned = owned;
    }

    public StackNames Names { get; }

    public IObjectStore Objects { get; }

    public ILedger Ledger { get; }

    public IDeadLetterQueue DeadLetters { get; }

    /// <summary>ValidateUpload's failed invocations; empty when the template routes none to a queue.</summary>
    public IDeadLetterQueue FailedInvocations { get; }

    /// <summary>The executions in the state machine's log group; null when it does not log.</summary>
    public ExpressExecutionReader? Executions { get; }

    /// <summary>Connects to the stack's resources (SDK clients for S3, SQS and DynamoDB; our own for Logs and Lambda).</summary>
    /// <exception cref="StackResourceMissingException">A queue of the stack does not exist.</exception>
    public static async Task<DeployedStack> OpenAsync(StackNames names, AWSCredentials credentials, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        var region = names.Region;
        IAmazonSQS sqs = new AmazonSQSClient(credentials, AwsClientConfiguration.Configure(new AmazonSQSConfig(), environment, "SQS", region));
        var s3Config = AwsClientConfiguration.Configure(new AmazonS3Config(), environment, "S3", region);
        s3Config.ForcePathStyle = s3Config.ServiceURL is not null; // Emulators serve buckets by path, not by host name.
        var s3 = new AmazonS3Client(credentials, s3Config);
        var dynamoDb = new AmazonDynamoDBClient(credentials, AwsClientConfiguration.Configure(new AmazonDynamoDBConfig(), environment, "DYNAMODB", region));
        var http = new HttpClient();
        IDisposable[] owned = [sqs, s3, dynamoDb, http];
        try
        {
            var workUrl = await QueueUrlAsync(sqs, names, names.WorkQueue, "work queue", cancellationToken).ConfigureAwait(false);
            var deadLetterUrl = await QueueUrlAsync(sqs, names, names.DeadLetterQueue, "dead-letter queue", cancellationToken).ConfigureAwait(false);
            var lambda = LambdaInvokeClient.Create(http, new AwsRequestSigner(credentials, TimeProvider.System), region, environment);
            IDeadLetterQueue failedInvocations = names.FailedInvokeQueue is { } failedQueue
                ? new SqsDeadLetterQueue(sqs, await QueueUrlAsync(sqs, names, failedQueue, "failed-invoke queue", cancellationToken).ConfigureAwait(false), workUrl, redriveOne: ReinvokeWith(lambda))
                : new NoDeadLetters();
            var executions = names.LogGroup is { } logGroup
                ? new ExpressExecutionReader(CloudWatchLogsClient.Create(new AwsJsonClient(http, credentials, TimeProvider.System), region, environment), logGroup)
                : null;
            return new DeployedStack(
                names,
                new S3ObjectStore(s3),
                new DynamoDbLedger(dynamoDb, names.Table),
                new SqsMoveTaskDeadLetterQueue(sqs, deadLetterUrl, new SqsDeadLetterQueue(sqs, deadLetterUrl, workUrl)),
                failedInvocations,
                executions,
                owned);
        }
        catch
        {
            Dispose(owned);
            throw;
        }
    }

    public void Dispose() => Dispose(owned);

    private static void Dispose(IDisposable[] clients)
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    // Lambda's record names the function it failed on and carries the event: invoke it again as S3 did.
    private static Func<Message, CancellationToken, Task> ReinvokeWith(LambdaInvokeClient lambda) => async (message, cancellationToken) =>
    {
        var record = FailedInvocationRecord.Parse(message.Body);
        await lambda.InvokeAsync(record.FunctionArn, record.RequestPayload, cancellationToken).ConfigureAwait(false);
    };

    private static async Task<string> QueueUrlAsync(IAmazonSQS sqs, StackNames names, string queueName, string what, CancellationToken cancellationToken)
    {
        try
        {
            return (await sqs.GetQueueUrlAsync(queueName, cancellationToken).ConfigureAwait(false)).QueueUrl;
        }
        catch (QueueDoesNotExistException e)
        {
            throw new StackResourceMissingException($"stack '{names.StackName}': the {what} '{queueName}' does not exist in {names.Region} (deployed to another region or account, or not deployed?).", e);
        }
    }

    private sealed class NoDeadLetters : IDeadLetterQueue
    {
        public Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<DeadLetter>>([]);

        public Task<int> RedriveAsync(string? messageId, CancellationToken cancellationToken) => Task.FromResult(0);

        public Task<int> PurgeAsync(CancellationToken cancellationToken) => Task.FromResult(0);
    }
}
