using FilePipeline.Core.Ports;

namespace FilePipeline.Host.EventSources;

internal static class SingleMessageSend
{
    /// <summary>SendMessage as a batch of one; a refused message is an error, as SendMessage's would be.</summary>
    public static async Task SendAsync(this IJobQueue queue, string body, CancellationToken cancellationToken)
    {
        var failed = await queue.SendBatchAsync([new OutgoingMessage("0", body)], cancellationToken);
        if (failed.Count > 0)
        {
            throw new InvalidOperationException($"The queue refused the message: {failed[0].Code}: {failed[0].Message}");
        }
    }
}
