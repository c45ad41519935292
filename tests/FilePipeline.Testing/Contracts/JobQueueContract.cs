using FilePipeline.Core.Ports;

namespace FilePipeline.Testing.Contracts;

/// <summary>
/// What every <see cref="IJobQueue"/> adapter must do (SQS SendMessageBatch semantics); a subclass supplies
/// the adapter. A queue that takes every character SQS allows subclasses <see cref="FullUnicodeJobQueueContract"/>
/// instead (fauxqs refuses characters beyond U+FFFF, which SQS accepts, so the SQS adapter on it cannot).
/// </summary>
public abstract class JobQueueContract
{
    /// <summary>The adapter under test, over an empty queue.</summary>
    protected abstract IJobQueue Queue { get; }

    /// <summary>Every body now in the queue, in any order (test setup: receives or peeks as the technology allows).</summary>
    protected abstract Task<IReadOnlyList<string>> BodiesInQueueAsync();

    /// <summary>
    /// The most bytes one batch may carry in total: SQS allowed 256 KiB until August 2025 and 1 MiB since
    /// (fauxqs follows the new limit); the subclass declares which one its queue enforces.
    /// </summary>
    protected abstract int MaxBatchBytes { get; }

    [Fact]
    public async Task A_batch_of_ten_is_sent_whole_with_no_failures()
    {
        var entries = Enumerable.Range(0, 10).Select(i => new OutgoingMessage($"m{i}", $"{{\"n\":{i}}}")).ToList();

        var failures = await Queue.SendBatchAsync(entries, CancellationToken.None);

        Assert.Empty(failures);
        Assert.Equal(entries.Select(e => e.Body).Order(), (await BodiesInQueueAsync()).Order());
    }

    [Fact]
    public async Task Bodies_arrive_exactly_as_sent()
    {
        const string body = "{\"key\":\"données/été 1+1.csv\",\"cjk\":\"資料\",\"tab\":\"\t\"}";

        Assert.Empty(await Queue.SendBatchAsync([new OutgoingMessage("only", body)], CancellationToken.None));

        Assert.Equal([body], await BodiesInQueueAsync());
    }

    [Theory]
    [InlineData("nul\u0000char")]
    [InlineData("not\u0001ok")]
    public async Task An_entry_with_characters_SQS_refuses_fails_alone_as_the_senders_fault(string refusedBody)
    {
        var failures = await Queue.SendBatchAsync(
            [new OutgoingMessage("good1", "one"), new OutgoingMessage("bad", refusedBody), new OutgoingMessage("good2", "two")],
            CancellationToken.None);

        var failure = Assert.Single(failures);
        Assert.Equal("bad", failure.Id);
        Assert.True(failure.SenderFault);
        Assert.False(string.IsNullOrEmpty(failure.Code));
        Assert.Equal(["one", "two"], (await BodiesInQueueAsync()).Order());
    }

    [Fact]
    public async Task More_than_ten_entries_are_refused_and_none_is_sent()
    {
        var entries = Enumerable.Range(0, 11).Select(i => new OutgoingMessage($"m{i}", "body")).ToList();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Queue.SendBatchAsync(entries, CancellationToken.None));
        Assert.Empty(await BodiesInQueueAsync());
    }

    [Fact]
    public async Task Repeated_entry_ids_are_refused_and_none_is_sent()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Queue.SendBatchAsync(
            [new OutgoingMessage("same", "a"), new OutgoingMessage("same", "b")], CancellationToken.None));
        Assert.Empty(await BodiesInQueueAsync());
    }

    [Fact]
    public async Task An_empty_batch_is_refused()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Queue.SendBatchAsync([], CancellationToken.None));
    }

    [Fact]
    public async Task A_batch_over_the_size_limit_in_total_is_refused_and_none_is_sent()
    {
        // Three entries, each under the limit, together over it.
        var body = new string('x', (MaxBatchBytes / 3) + 4096);
        var entries = Enumerable.Range(0, 3).Select(i => new OutgoingMessage($"m{i}", body)).ToList();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Queue.SendBatchAsync(entries, CancellationToken.None));
        Assert.Empty(await BodiesInQueueAsync());
    }
}
