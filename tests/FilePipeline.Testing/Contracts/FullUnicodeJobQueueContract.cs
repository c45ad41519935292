using FilePipeline.Core.Ports;

namespace FilePipeline.Testing.Contracts;

/// <summary>What an <see cref="IJobQueue"/> must do besides <see cref="JobQueueContract"/> when it takes every character SQS allows, up to #x10FFFF.</summary>
public abstract class FullUnicodeJobQueueContract : JobQueueContract
{
    [Fact]
    public async Task Characters_beyond_the_basic_multilingual_plane_arrive_exactly_as_sent()
    {
        const string body = "{\"key\":\"données/été 1+1.csv\",\"emoji\":\"\U0001F600\",\"tab\":\"\t\"}";

        await Queue.SendBatchAsync([new OutgoingMessage("only", body)], CancellationToken.None);

        Assert.Equal([body], await BodiesInQueueAsync());
    }
}
