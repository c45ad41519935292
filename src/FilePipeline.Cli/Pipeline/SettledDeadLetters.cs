using System.Text.Json;
using FilePipeline.Core;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;

namespace FilePipeline.Cli.Pipeline;

/// <summary>
/// Parked work messages whose file the ledger already shows settled (PROCESSED or REJECTED), e.g.
/// after a crash between recording the outcome and deleting the message: redriven, each ends DUPLICATE.
/// </summary>
internal static class SettledDeadLetters
{
    /// <returns>Message id → the ledger status of its file, for the settled ones.</returns>
    public static async Task<IReadOnlyDictionary<string, FileStatus>> FindAsync(ILedger ledger, IEnumerable<DeadLetter> letters, CancellationToken cancellationToken)
    {
        var settled = new Dictionary<string, FileStatus>(StringComparer.Ordinal);
        foreach (var letter in letters)
        {
            if (FileIdOf(letter.Body) is { } fileId
                && await ledger.GetAsync(fileId, cancellationToken) is { Status: FileStatus.Processed or FileStatus.Rejected } record)
            {
                settled[letter.MessageId] = record.Status;
            }
        }

        return settled;
    }

    private static string? FileIdOf(string body)
    {
        try
        {
            var message = JsonSerializer.Deserialize(body, FunctionsJsonContext.Default.QueueMessage);
            return message is { Bucket.Length: > 0, Key.Length: > 0, ETag.Length: > 0 } ? new FileRef(message.Bucket, message.Key, message.ETag).FileId : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
