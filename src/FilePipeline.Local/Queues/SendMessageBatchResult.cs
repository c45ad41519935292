using FilePipeline.Core.Ports;

namespace FilePipeline.Local.Queues;

/// <summary>SQS SendMessageBatch's answer: every entry is either in <see cref="Successful"/> or in <see cref="Failed"/>.</summary>
public sealed record SendMessageBatchResult(IReadOnlyList<SendMessageBatchResultEntry> Successful, IReadOnlyList<SendFailure> Failed);

/// <summary>One stored entry of a batch.</summary>
public sealed record SendMessageBatchResultEntry(string Id, string MessageId, string MD5OfMessageBody);
