using FilePipeline.Core.Ports;
using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Tests.Queues;

/// <summary>Shortcuts the queue tests share.</summary>
internal static class QueueTestBed
{
    public static async Task<EmbeddedQueues> WithQueueAsync(this EmbeddedTestBed bed, string name, QueueAttributes? attributes = null)
    {
        await bed.Queues.CreateQueueAsync(name, attributes ?? new QueueAttributes(), CancellationToken.None);
        return bed.Queues;
    }

    public static Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(this EmbeddedQueues queues, string name, int max = 10, int? visibilityTimeout = null) =>
        queues.ReceiveMessageAsync(new ReceiveMessageRequest(name) { MaxNumberOfMessages = max, VisibilityTimeout = visibilityTimeout, WaitTimeSeconds = 0 }, CancellationToken.None);

    public static Task<SendMessageResult> SendAsync(this EmbeddedQueues queues, string name, string body) =>
        queues.SendMessageAsync(name, body, CancellationToken.None);

    public static async Task<string> ErrorCodeOfAsync(Func<Task> action) =>
        (await Assert.ThrowsAsync<QueueOperationException>(action)).ErrorCode;
}
