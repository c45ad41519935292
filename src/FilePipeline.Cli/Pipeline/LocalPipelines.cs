using FilePipeline.Core.Ports;
using FilePipeline.Host;
using FilePipeline.Local;

namespace FilePipeline.Cli.Pipeline;

/// <summary>The CLI's composition: the host over the chosen backend, with the async-invoke queues and the executions in the state directory whichever it is.</summary>
internal static class LocalPipelines
{
    /// <param name="backend">Where the bucket, queues and table live; null for the embedded backend.</param>
    public static Task<LocalPipeline> OpenAsync(LocalHostOptions options, IPipelineBackend? backend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var state = new EmbeddedBackend(options.StateDirectory, options.BusyTimeout, options.Time, options.Faults.ThrottleRate);
        return LocalPipeline.OpenAsync(options, state, state.Executions, backend ?? state, cancellationToken);
    }
}
