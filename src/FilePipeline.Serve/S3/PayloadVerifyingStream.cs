namespace FilePipeline.Serve.S3;

/// <summary>A plain (not aws-chunked) request body, passed through <see cref="PayloadChecks"/>; the checks run when it ends.</summary>
public sealed class PayloadVerifyingStream(Stream inner, PayloadChecks checks) : ReadOnlyBodyStream
{
    private bool finished;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        checks.Append(buffer.Span[..read]);
        if (read == 0 && buffer.Length > 0 && !finished)
        {
            finished = true;
            checks.Finish(new Dictionary<string, string>());
        }

        return read;
    }
}
