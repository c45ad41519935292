using FilePipeline.Core.Ledger;
using FilePipeline.Host;

namespace FilePipeline.Serve.Tests;

/// <summary>Waits (polling the ledger, bounded) until serve's pipeline has settled a file.</summary>
public static class LedgerWait
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    public static async Task<FileRecord> SettledAsync(LocalPipeline pipeline, string fileId)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await pipeline.Ledger.GetAsync(fileId, CancellationToken.None) is { Status: not FileStatus.Processing } record)
            {
                return record;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        throw new TimeoutException($"{fileId} was not settled within {Limit}.");
    }
}
