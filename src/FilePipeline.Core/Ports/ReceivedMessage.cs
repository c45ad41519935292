namespace FilePipeline.Core.Ports;

/// <summary>One delivery of a message, as SQS ReceiveMessage returns it.</summary>
/// <param name="Attributes">System attributes by SQS name (ApproximateReceiveCount, SentTimestamp, ApproximateFirstReceiveTimestamp, SenderId), values as strings.</param>
public sealed record ReceivedMessage(string MessageId, string ReceiptHandle, string Body, string MD5OfBody, IReadOnlyDictionary<string, string> Attributes)
{
    public int ApproximateReceiveCount => int.Parse(Attributes[MessageAttributeNames.ApproximateReceiveCount], System.Globalization.CultureInfo.InvariantCulture);
}
