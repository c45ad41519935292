using System.Security.Cryptography;

namespace FilePipeline.Local.Queues;

/// <summary>A receipt handle names one receive of one message: a new random token per receive, so an older handle stops matching once the message is received again.</summary>
internal static class ReceiptHandle
{
    private const int Length = 64;

    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(Length / 2));

    public static void RequireWellFormed(string receiptHandle)
    {
        if (receiptHandle.Length != Length || !receiptHandle.All(char.IsAsciiHexDigitLower))
        {
            throw new QueueOperationException(QueueErrorCodes.ReceiptHandleIsInvalid, $"The input receipt handle \"{receiptHandle}\" is not a valid receipt handle.");
        }
    }
}
