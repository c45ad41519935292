using System.Threading.Channels;
using FilePipeline.Core.Ports;

namespace FilePipeline.Functions.Tests.Fakes;

/// <summary>Records every SendBatch call; <see cref="Refuse"/> decides which entries of a call fail.</summary>
internal sealed class FakeJobQueue : IJobQueue
{
    private readonly Channel<IReadOnlyList<OutgoingMessage>> calls = Channel.CreateUnbounded<IReadOnlyList<OutgoingMessage>>();

    public List<IReadOnlyList<OutgoingMessage>> Calls { get; } = [];

    /// <summary>Given the call number (1-based) and the entries, the failures to report.</summary>
    public Func<int, IReadOnlyList<OutgoingMessage>, IReadOnlyList<SendFailure>> Refuse { get; set; } = (_, _) => [];

    public IEnumerable<string> Delivered => Calls
        .SelectMany((entries, index) => entries.Where(e => !Refused[index].Contains(e.Id)).Select(e => e.Body));

    private List<HashSet<string>> Refused { get; } = [];

    public Task<IReadOnlyList<SendFailure>> SendBatchAsync(IReadOnlyList<OutgoingMessage> entries, CancellationToken cancellationToken)
    {
        Calls.Add(entries.ToList());
        var failures = Refuse(Calls.Count, entries);
        Refused.Add(failures.Select(f => f.Id).ToHashSet());
        calls.Writer.TryWrite(entries);
        return Task.FromResult(failures);
    }

    /// <summary>Waits (bounded) for the next call, so tests can advance fake time between retries.</summary>
    public async Task<IReadOnlyList<OutgoingMessage>> NextCallAsync() =>
        await calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
