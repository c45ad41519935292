namespace FilePipeline.Local.Queues;

/// <summary>The SQS error codes the embedded queues report, spelled as SQS spells them.</summary>
public static class QueueErrorCodes
{
    public const string QueueDoesNotExist = "AWS.SimpleQueueService.NonExistentQueue";
    public const string QueueNameExists = "QueueAlreadyExists";
    public const string InvalidParameterValue = "InvalidParameterValue";
    public const string ReadCountOutOfRange = "ReadCountOutOfRange";
    public const string ReceiptHandleIsInvalid = "ReceiptHandleIsInvalid";
    public const string EmptyBatchRequest = "AWS.SimpleQueueService.EmptyBatchRequest";
    public const string TooManyEntriesInBatchRequest = "AWS.SimpleQueueService.TooManyEntriesInBatchRequest";
    public const string BatchEntryIdsNotDistinct = "AWS.SimpleQueueService.BatchEntryIdsNotDistinct";
    public const string InvalidBatchEntryId = "AWS.SimpleQueueService.InvalidBatchEntryId";
    public const string BatchRequestTooLong = "AWS.SimpleQueueService.BatchRequestTooLong";
    public const string InvalidMessageContents = "InvalidMessageContents";
}
