using FilePipeline.Local;
using FilePipeline.Local.Queues;
using FilePipeline.Local.Storage;

namespace FilePipeline.Host.Tests.Hosting;

/// <summary>The host over the embedded backend, as the CLI composes it by default, and the embedded parts the tests look into.</summary>
public static class EmbeddedPipeline
{
    public static Task<LocalPipeline> OpenAsync(LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var embedded = new EmbeddedBackend(options.StateDirectory, options.BusyTimeout, options.Time, options.Faults.ThrottleRate);
        return LocalPipeline.OpenAsync(options, embedded, embedded.Executions, embedded);
    }

    extension(LocalPipeline pipeline)
    {
        /// <summary>The state directory's queues: the async-invoke queues, and the work queue and DLQ of the embedded backend.</summary>
        public EmbeddedQueues Queues => ((EmbeddedBackend)pipeline.State).Queues;

        public LocalDatabase Database => ((EmbeddedBackend)pipeline.State).Database;
    }
}
