using FilePipeline.Host;
using FilePipeline.Local;
using FilePipeline.Host.EventSources;
using FilePipeline.Local.Objects;
using FilePipeline.Local.Table;
using FilePipeline.Serve.Console;
using FilePipeline.Serve.DynamoDb;
using FilePipeline.Serve.Logs;
using FilePipeline.Serve.S3;
using FilePipeline.Serve.Signing;
using FilePipeline.Serve.Sqs;
using FilePipeline.Serve.StepFunctions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FilePipeline.Serve;

/// <summary>
/// <c>filepipeline serve</c>: Kestrel answering S3, DynamoDB, SQS, Step Functions and CloudWatch Logs requests, and the browser console, over one
/// embedded pipeline, while the pipeline's pollers deliver its events, as <c>run --watch</c> does.
/// Stopping finishes the requests in flight; a message being processed returns to its queue after its
/// visibility timeout, as when a Lambda host goes away.
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly CancellationTokenSource stopping = new();
    private Task runner = Task.CompletedTask;

    private ServeHost(WebApplication app, Uri endpoint)
    {
        this.app = app;
        Endpoint = endpoint;
    }

    /// <summary>The URL to give clients (<c>--endpoint-url</c>, <c>AWS_ENDPOINT_URL</c>).</summary>
    public Uri Endpoint { get; }

    /// <exception cref="HostConfigurationException">The pipeline is not over the embedded backend.</exception>
    /// <exception cref="IOException">The address is in use.</exception>
    public static async Task<ServeHost> StartAsync(LocalPipeline pipeline, ServeOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(options);
        if (pipeline.Objects is not EmbeddedObjectStore store || pipeline.State is not EmbeddedBackend embedded)
        {
            throw new HostConfigurationException("serve runs over the embedded backend only (drop --backend aws).");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "filepipeline" });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(options.Address, options.Port);
            kestrel.Limits.MaxRequestBodySize = null; // S3 puts stream to disk, up to the store's limits
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var time = pipeline.Options.Time;
        var created = Directory.GetCreationTimeUtc(Path.Combine(pipeline.Options.StateDirectory, "objects"));
        var verifier = new SigV4Verifier(options.AccessKeyId, options.SecretAccessKey, time);
        var sqs = new SqsQueues(embedded.Queues, pipeline.Template);
        var handler = new ServeRequestHandler(
            verifier,
            new S3Endpoint(store, new MultipartUploadStore(pipeline.Options.StateDirectory, time), pipeline.BucketName, created, verifier),
            new DynamoDbEndpoint(new EmbeddedDynamoDb(embedded.Database, timeProvider: time)),
            new SqsJsonEndpoint(sqs),
            new SqsQueryEndpoint(sqs),
            new StepFunctionsEndpoint(pipeline.Template, pipeline.Workflows, created),
            new LogsEndpoint(LogGroupCatalog.FromTemplate(pipeline.Template, pipeline.Executions, pipeline.Options.StateDirectory, created), pipeline.Template.Identity),
            new ConsoleEndpoint(new ConsoleData(pipeline), pipeline.Executions, options.RenderExecution),
            log);
        app.Run(handler.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var host = new ServeHost(app, new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)));
        if (options.RunPipeline)
        {
            host.runner = new PipelineRunner(pipeline).RunAsync(RunMode.Watch, options.Workers, host.stopping.Token);
        }

        return host;
    }

    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled or the host is told to stop (SIGTERM).</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops taking requests, lets those in flight finish, then stops the pollers.</summary>
    public async Task StopAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await stopping.CancelAsync();
        try
        {
            await runner;
        }
        catch (OperationCanceledException)
        {
            // The pollers stopped; an unfinished message returns to its queue after its visibility timeout.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await app.DisposeAsync();
        stopping.Dispose();
    }
}
