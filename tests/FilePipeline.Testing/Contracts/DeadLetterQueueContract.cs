using FilePipeline.Core.Ports;

namespace FilePipeline.Testing.Contracts;

/// <summary>
/// What every <see cref="IDeadLetterQueue"/> adapter must do; a subclass supplies the adapter and a way to
/// park messages. An adapter whose receive counts are exact subclasses
/// <see cref="ExactReceiveCountDeadLetterQueueContract"/> instead, which adds the count tests.
/// </summary>
public abstract class DeadLetterQueueContract
{
    /// <summary>The adapter under test, over an empty dead-letter queue of a source queue.</summary>
    protected abstract IDeadLetterQueue DeadLetters { get; }

    /// <summary>The source queue's maxReceiveCount.</summary>
    protected abstract int MaxReceiveCount { get; }

    /// <summary>Sends <paramref name="body"/> to the source queue and fails it until it lands in the dead-letter queue; returns its message id.</summary>
    protected abstract Task<string> ParkAsync(string body);

    /// <summary>Every body now waiting in the source queue.</summary>
    protected abstract Task<IReadOnlyList<string>> BodiesInSourceQueueAsync();

    [Fact]
    public async Task An_empty_dead_letter_queue_lists_nothing()
    {
        Assert.Empty(await DeadLetters.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_parked_message_is_listed_with_its_id_body_and_at_least_its_deliveries_as_receive_count()
    {
        var messageId = await ParkAsync("{\"key\":\"poison.csv\"}");

        var parked = Assert.Single(await DeadLetters.ListAsync(CancellationToken.None));

        Assert.Equal(messageId, parked.MessageId);
        Assert.Equal("{\"key\":\"poison.csv\"}", parked.Body);
        Assert.True(parked.ReceiveCount >= MaxReceiveCount, $"receive count {parked.ReceiveCount} < maxReceiveCount {MaxReceiveCount}");
    }

    [Fact]
    public async Task Listing_leaves_the_messages_in_the_queue()
    {
        var messageId = await ParkAsync("a");

        var first = await DeadLetters.ListAsync(CancellationToken.None);
        var second = await DeadLetters.ListAsync(CancellationToken.None);

        Assert.Equal(messageId, Assert.Single(first).MessageId);
        Assert.Equal(first.Select(m => (m.MessageId, m.Body)), second.Select(m => (m.MessageId, m.Body)));
    }

    [Fact]
    public async Task Redriving_one_message_moves_only_that_one_back_to_the_source_queue()
    {
        var chosen = await ParkAsync("chosen");
        await ParkAsync("stays");

        var moved = await DeadLetters.RedriveAsync(chosen, CancellationToken.None);

        Assert.Equal(1, moved);
        Assert.Equal(["chosen"], await BodiesInSourceQueueAsync());
        Assert.Equal(["stays"], (await DeadLetters.ListAsync(CancellationToken.None)).Select(m => m.Body));
    }

    [Fact]
    public async Task Redriving_all_moves_every_message_back_to_the_source_queue()
    {
        await ParkAsync("one");
        await ParkAsync("two");

        var moved = await DeadLetters.RedriveAsync(null, CancellationToken.None);

        Assert.Equal(2, moved);
        Assert.Equal(["one", "two"], (await BodiesInSourceQueueAsync()).Order());
        Assert.Empty(await DeadLetters.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Redriving_an_unknown_message_id_moves_nothing()
    {
        await ParkAsync("kept");

        Assert.Equal(0, await DeadLetters.RedriveAsync("00000000-0000-0000-0000-000000000000", CancellationToken.None));
        Assert.Single(await DeadLetters.ListAsync(CancellationToken.None));
        Assert.Empty(await BodiesInSourceQueueAsync());
    }

    [Fact]
    public async Task Purge_deletes_every_message_and_says_how_many()
    {
        await ParkAsync("one");
        await ParkAsync("two");

        Assert.Equal(2, await DeadLetters.PurgeAsync(CancellationToken.None));
        Assert.Empty(await DeadLetters.ListAsync(CancellationToken.None));
    }
}
