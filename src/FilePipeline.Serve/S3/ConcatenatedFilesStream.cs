namespace FilePipeline.Serve.S3;

/// <summary>The parts of a multipart upload read back to back, one file open at a time.</summary>
public sealed class ConcatenatedFilesStream(IReadOnlyList<string> paths) : ReadOnlyBodyStream
{
    private int next;
    private FileStream? current;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (current is null)
            {
                if (next == paths.Count)
                {
                    return 0;
                }

                current = new FileStream(paths[next++], FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, useAsync: true);
            }

            var read = await current.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read > 0 || buffer.Length == 0)
            {
                return read;
            }

            await current.DisposeAsync().ConfigureAwait(false);
            current = null;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            current?.Dispose();
        }

        base.Dispose(disposing);
    }
}
