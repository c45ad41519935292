using System.Diagnostics.CodeAnalysis;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;

namespace FilePipeline.Testing.Emulators;

/// <summary>fauxqs (S3 and SQS) and DynamoDB Local, started together once per test run, with AWS SDK clients pointed at them.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit disposes fixtures through IAsyncLifetime.DisposeAsync.")]
public sealed class AwsEmulators : IAsyncLifetime
{
    private static readonly BasicAWSCredentials Credentials = new("test", "test");

    private readonly FauxqsFixture fauxqs = new();
    private readonly DynamoDbLocalFixture dynamoDbLocal = new();

    public IAmazonSQS Sqs { get; private set; } = null!;

    public IAmazonS3 S3 { get; private set; } = null!;

    public IAmazonDynamoDB DynamoDb { get; private set; } = null!;

    public Uri DynamoDbEndpoint => dynamoDbLocal.Endpoint;

    /// <summary>fauxqs serves both S3 and SQS here.</summary>
    public Uri FauxqsEndpoint => fauxqs.Endpoint;

    public async Task InitializeAsync()
    {
        await Task.WhenAll(fauxqs.InitializeAsync(), dynamoDbLocal.InitializeAsync());
        Sqs = new AmazonSQSClient(Credentials, new AmazonSQSConfig { ServiceURL = fauxqs.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        S3 = S3Client(fauxqs.Endpoint);
        DynamoDb = DynamoDbClient(dynamoDbLocal.Endpoint);
    }

    /// <summary>Creates an empty ledger table on DynamoDB Local, keyed as the template keys it (fileId, a string).</summary>
    public Task CreateLedgerTableAsync(string table) => DynamoDb.CreateTableAsync(new CreateTableRequest
    {
        TableName = table,
        KeySchema = [new KeySchemaElement("fileId", KeyType.HASH)],
        AttributeDefinitions = [new AttributeDefinition("fileId", ScalarAttributeType.S)],
        BillingMode = BillingMode.PAY_PER_REQUEST,
    });

    /// <summary>An S3 client for a server on this machine (path-style, as emulators need); <paramref name="maxErrorRetry"/> overrides the SDK's retries.</summary>
    public static AmazonS3Client S3Client(Uri endpoint, int? maxErrorRetry = null)
    {
        var config = new AmazonS3Config { ServiceURL = endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = "us-east-1" };
        config.MaxErrorRetry = maxErrorRetry ?? config.MaxErrorRetry;
        return new AmazonS3Client(Credentials, config);
    }

    /// <summary>A DynamoDB client for a server on this machine; <paramref name="maxErrorRetry"/> overrides the SDK's retries.</summary>
    public static AmazonDynamoDBClient DynamoDbClient(Uri endpoint, int? maxErrorRetry = null)
    {
        var config = new AmazonDynamoDBConfig { ServiceURL = endpoint.ToString(), AuthenticationRegion = "us-east-1" };
        config.MaxErrorRetry = maxErrorRetry ?? config.MaxErrorRetry;
        return new AmazonDynamoDBClient(Credentials, config);
    }

    /// <summary>http://127.0.0.1:port with nothing listening, for the "service unreachable" tests.</summary>
    public static Uri Unreachable() => new($"http://127.0.0.1:{LoopbackPort.Free()}");

    public async Task DisposeAsync()
    {
        Sqs?.Dispose();
        S3?.Dispose();
        DynamoDb?.Dispose();
        await fauxqs.DisposeAsync();
        await dynamoDbLocal.DisposeAsync();
    }
}
