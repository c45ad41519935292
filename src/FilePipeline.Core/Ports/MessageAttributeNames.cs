namespace FilePipeline.Core.Ports;

/// <summary>SQS's system attribute names.</summary>
public static class MessageAttributeNames
{
    public const string ApproximateReceiveCount = "ApproximateReceiveCount";
    public const string SentTimestamp = "SentTimestamp";
    public const string ApproximateFirstReceiveTimestamp = "ApproximateFirstReceiveTimestamp";
    public const string SenderId = "SenderId";
}
