namespace FilePipeline.Testing.Contracts;

/// <summary>
/// What an <see cref="Core.Ports.IDeadLetterQueue"/> with exact receive counts must do besides
/// <see cref="DeadLetterQueueContract"/>: a parked message shows exactly maxReceiveCount receives and
/// listing is a peek that counts none. (SQS lists by receiving, and fauxqs also counts the receive that
/// moved the message, so the SQS adapter on fauxqs cannot promise either.)
/// </summary>
public abstract class ExactReceiveCountDeadLetterQueueContract : DeadLetterQueueContract
{
    [Fact]
    public async Task A_parked_message_reports_exactly_max_receive_count_receives()
    {
        await ParkAsync("{\"key\":\"poison.csv\"}");

        var parked = Assert.Single(await DeadLetters.ListAsync(CancellationToken.None));

        Assert.Equal(MaxReceiveCount, parked.ReceiveCount);
    }

    [Fact]
    public async Task Listing_does_not_receive_the_messages()
    {
        await ParkAsync("a");

        var first = await DeadLetters.ListAsync(CancellationToken.None);
        var second = await DeadLetters.ListAsync(CancellationToken.None);

        Assert.Equal(first, second);
    }
}
