using System.Text;
using BenchmarkDotNet.Attributes;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;
using FilePipeline.Functions.Events;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;
using Microsoft.Extensions.DependencyInjection;

namespace FilePipeline.Benchmarks;

/// <summary>
/// The per-invocation cost of a generated wrapper (scope + resolve, and with JSON in and out)
/// against calling the function method directly, on ProcessQueue with an empty batch so the
/// function's own work is next to nothing. Target: under 1 µs of overhead for the typed wrapper.
/// </summary>
[MemoryDiagnoser]
public class GeneratedWrapperBenchmarks
{
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("""{"Records":[]}""");
    private readonly SQSEvent sqsEvent = new();
    private readonly ILambdaContext context = new LambdaContext("req-1", "bench", "arn", DateTimeOffset.MaxValue, new JsonLambdaLogger(TextWriter.Null, TimeProvider.System), TimeProvider.System);
    private ProcessQueueFunction direct = null!;
    private ProcessQueueFunction_ProcessQueue_Generated wrapper = null!;

    [GlobalSetup]
    public void Setup()
    {
        direct = new ProcessQueueFunction(new IdleWorkflows(), new IdleVisibility(), new IdleLedger(), new FunctionSettings(), TimeProvider.System);
        wrapper = new ProcessQueueFunction_ProcessQueue_Generated(services => services
            .AddSingleton<IWorkflowStarter>(new IdleWorkflows())
            .AddSingleton<IMessageVisibility>(new IdleVisibility())
            .AddSingleton<ILedger>(new IdleLedger())
            .AddSingleton(new FunctionSettings()));
    }

    [Benchmark(Baseline = true, Description = "direct call")]
    public Task<SQSBatchResponse> Direct() => direct.ProcessQueue(sqsEvent, context);

    [Benchmark(Description = "generated wrapper (typed)")]
    public Task<SQSBatchResponse> Wrapper() => wrapper.ProcessQueue(sqsEvent, context);

    [Benchmark(Description = "generated wrapper (JSON in/out)")]
    public Task<ReadOnlyMemory<byte>> WrapperWithJson() => wrapper.InvokeAsync(Payload, context, CancellationToken.None);

    private sealed class IdleWorkflows : IWorkflowStarter
    {
        public Task<WorkflowResult> StartSyncExecutionAsync(string name, string input, CancellationToken cancellationToken) =>
            throw Untouched();
    }

    private sealed class IdleVisibility : IMessageVisibility
    {
        public Task ChangeVisibilityAsync(string receiptHandle, int seconds, CancellationToken cancellationToken) => throw Untouched();
    }

    private sealed class IdleLedger : ILedger
    {
        public Task<FileRecord?> GetAsync(string fileId, CancellationToken cancellationToken) => throw Untouched();

        public Task<bool> TryRecordRejectedAsync(FileRecord record, CancellationToken cancellationToken) => throw Untouched();

        public Task<bool> TryRecordAcceptedAsync(FileRecord record, CancellationToken cancellationToken) => throw Untouched();

        public Task<bool> TryRecordFailedAsync(string fileId, string lastError, string? messageId, DateTimeOffset now, CancellationToken cancellationToken) => throw Untouched();

        public IAsyncEnumerable<FileRecord> StreamAsync(FileStatus? status, CancellationToken cancellationToken) => throw Untouched();
    }

    private static InvalidOperationException Untouched() => new("An empty batch starts no execution and touches no message or ledger record.");
}
