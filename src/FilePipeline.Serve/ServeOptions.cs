using System.Net;

namespace FilePipeline.Serve;

/// <summary>Where <c>filepipeline serve</c> listens and which credentials its SigV4 check accepts (docs/serve.md).</summary>
public sealed record ServeOptions
{
    public const int DefaultPort = 4580;
    public const string DefaultAccessKeyId = "filepipeline";
    public const string DefaultSecretAccessKey = "filepipeline-local";
    public const string AccessKeyIdVariable = "FILEPIPELINE_SERVE_ACCESS_KEY_ID";
    public const string SecretAccessKeyVariable = "FILEPIPELINE_SERVE_SECRET_ACCESS_KEY";

    /// <summary>The address to bind; loopback unless the user asks otherwise (the endpoints then reach the network).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    public string AccessKeyId { get; init; } = DefaultAccessKeyId;

    public string SecretAccessKey { get; init; } = DefaultSecretAccessKey;

    /// <summary>How long a stop waits for requests in flight to finish.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether the pipeline's pollers run inside serve (tests may drive them themselves).</summary>
    public bool RunPipeline { get; init; } = true;

    /// <summary>Draws an execution's graph view (HTML) for the console; the CLI gives its execution viewer.</summary>
    public Func<FilePipeline.States.Store.ExecutionRecord, string>? RenderExecution { get; init; }

    /// <summary>Pollers delivering S3 events and work messages to the functions.</summary>
    public int Workers { get; init; } = 2;
}
