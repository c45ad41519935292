using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SQS;
using FilePipeline.Host;
using FilePipeline.Local;
using FilePipeline.Testing;

namespace FilePipeline.Serve.Tests;

/// <summary>
/// serve in-process on a free loopback port over a fresh state directory and the repository's
/// template, with SDK clients pointed at it. With <c>runPipeline</c> the pollers run as in
/// <c>filepipeline serve</c>; without, queues hold what tests put in them.
/// </summary>
public sealed class ServeFixture : IAsyncDisposable
{
    public static readonly BasicAWSCredentials Credentials = new(ServeOptions.DefaultAccessKeyId, ServeOptions.DefaultSecretAccessKey);

    private ServeFixture(LocalPipeline pipeline, ServeHost host, string stateDirectory)
    {
        Pipeline = pipeline;
        Host = host;
        StateDirectory = stateDirectory;
    }

    public LocalPipeline Pipeline { get; }

    public ServeHost Host { get; }

    public string StateDirectory { get; }

    public string Endpoint => Host.Endpoint.ToString().TrimEnd('/');

    public string Bucket => Pipeline.BucketName;

    public string Table => Pipeline.Template.Table.Name;

    /// <param name="captureFunctionLogs">Write the functions' JSON logs to the state directory, as <c>filepipeline serve</c> does (CloudWatch Logs tests).</param>
    public static async Task<ServeFixture> StartAsync(bool runPipeline, bool captureFunctionLogs = false)
    {
        var stateDirectory = Path.Combine(Path.GetTempPath(), "fp-serve-" + Guid.NewGuid().ToString("N"));
        var options = new LocalHostOptions
        {
            StateDirectory = stateDirectory,
            TemplatePath = RepositoryRoot.Combine("serverless.template"),
            FunctionLog = captureFunctionLogs ? null : TextWriter.Null,
            SkipDelays = true,
        };
        var embedded = new EmbeddedBackend(options.StateDirectory, options.BusyTimeout, options.Time);
        var pipeline = await LocalPipeline.OpenAsync(options, embedded, embedded.Executions, embedded);
        var host = await ServeHost.StartAsync(pipeline, new ServeOptions { Port = 0, RunPipeline = runPipeline }, TextWriter.Null, CancellationToken.None);
        return new ServeFixture(pipeline, host, stateDirectory);
    }

    /// <summary>Writes a file for a client to upload, in a folder removed with the fixture.</summary>
    public string WriteInput(string name, string content)
    {
        var directory = StateDirectory + "-input";
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public AmazonS3Client S3(AWSCredentials? credentials = null) =>
        new(credentials ?? Credentials, new AmazonS3Config { ServiceURL = Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });

    public AmazonDynamoDBClient DynamoDb(AWSCredentials? credentials = null) =>
        new(credentials ?? Credentials, new AmazonDynamoDBConfig { ServiceURL = Endpoint, AuthenticationRegion = "us-east-1" });

    public AmazonSQSClient Sqs(AWSCredentials? credentials = null) =>
        new(credentials ?? Credentials, new AmazonSQSConfig { ServiceURL = Endpoint, AuthenticationRegion = "us-east-1" });

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Pipeline.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(StateDirectory, recursive: true);
        if (Directory.Exists(StateDirectory + "-input"))
        {
            Directory.Delete(StateDirectory + "-input", recursive: true);
        }
    }
}
