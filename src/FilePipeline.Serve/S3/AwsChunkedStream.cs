using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FilePipeline.Serve.S3;

/// <summary>
/// Decodes an <c>aws-chunked</c> request body as it streams: <c>size[;chunk-signature=…]\r\n data \r\n</c>
/// chunks, a zero-size last chunk, then optional trailers (a flexible checksum and, when signed,
/// <c>x-amz-trailer-signature</c>). Chunk signatures are checked when <paramref name="signatures"/> is given;
/// the payload checks run when the body ends.
/// </summary>
public sealed class AwsChunkedStream(Stream inner, ChunkSignatures? signatures, PayloadChecks checks) : ReadOnlyBodyStream
{
    private const int MaxLineLength = 4096;

    private readonly byte[] window = new byte[64 * 1024];
    private readonly IncrementalHash chunkHash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private int start;
    private int end;
    private long remaining;
    private string? chunkSignature;
    private bool inChunk;
    private bool done;

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (done || buffer.Length == 0)
        {
            return 0;
        }

        if (remaining == 0)
        {
            if (inChunk)
            {
                await EndChunkAsync(cancellationToken).ConfigureAwait(false);
            }

            await BeginChunkAsync(cancellationToken).ConfigureAwait(false);
            if (done)
            {
                return 0;
            }
        }

        if (start == end && !await FillAsync(cancellationToken).ConfigureAwait(false))
        {
            throw S3Errors.IncompleteBody();
        }

        var count = (int)Math.Min(Math.Min(remaining, end - start), buffer.Length);
        var data = window.AsSpan(start, count);
        data.CopyTo(buffer.Span);
        chunkHash.AppendData(data);
        checks.Append(data);
        start += count;
        remaining -= count;
        return count;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            chunkHash.Dispose();
        }

        base.Dispose(disposing);
    }

    private async Task BeginChunkAsync(CancellationToken cancellationToken)
    {
        var header = await ReadLineAsync(cancellationToken).ConfigureAwait(false);
        var semicolon = header.IndexOf(';', StringComparison.Ordinal);
        var sizeText = semicolon < 0 ? header : header[..semicolon];
        if (!long.TryParse(sizeText, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out remaining) || remaining < 0)
        {
            throw Malformed($"a chunk header '{header}' has no hexadecimal size");
        }

        chunkSignature = semicolon < 0 ? null : header[(semicolon + 1)..].Split('=', 2) is ["chunk-signature", var value] ? value : throw Malformed($"unexpected chunk extension in '{header}'");
        if (signatures is not null && chunkSignature is null)
        {
            throw Malformed("a signed aws-chunked body has a chunk without a signature");
        }

        inChunk = true;
        if (remaining == 0)
        {
            VerifyChunkSignature();
            await ReadTrailersAsync(cancellationToken).ConfigureAwait(false);
            done = true;
        }
    }

    private async Task EndChunkAsync(CancellationToken cancellationToken)
    {
        if (await ReadLineAsync(cancellationToken).ConfigureAwait(false) != string.Empty)
        {
            throw Malformed("a chunk's data is longer than its declared size");
        }

        VerifyChunkSignature();
        inChunk = false;
    }

    private void VerifyChunkSignature()
    {
        var hash = chunkHash.GetHashAndReset();
        if (signatures is not null)
        {
            signatures.VerifyChunk(hash, chunkSignature!);
        }
    }

    private async Task ReadTrailersAsync(CancellationToken cancellationToken)
    {
        var trailers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var signedText = new StringBuilder();
        string? trailerSignature = null;
        string line;
        while ((line = await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Length > 0)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Malformed($"the trailer line '{line}' is not 'name:value'");
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("x-amz-trailer-signature", StringComparison.OrdinalIgnoreCase))
            {
                trailerSignature = value;
            }
            else
            {
                trailers[name] = value;
                signedText.Append(name.ToLowerInvariant()).Append(':').Append(value).Append('\n');
            }
        }

        if (signatures is not null && trailers.Count > 0)
        {
            signatures.VerifyTrailer(signedText.ToString(), trailerSignature ?? throw Malformed("a signed body's trailer lacks x-amz-trailer-signature"));
        }

        checks.Finish(trailers);
    }

    private async Task<string> ReadLineAsync(CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        while (true)
        {
            if (start == end && !await FillAsync(cancellationToken).ConfigureAwait(false))
            {
                // The body ended: an empty line ends the trailers; anywhere else the parser reports it.
                return line.ToString();
            }

            var newline = window.AsSpan(start, end - start).IndexOf((byte)'\n');
            var take = newline < 0 ? end - start : newline;
            line.Append(Encoding.ASCII.GetString(window, start, take));
            start += newline < 0 ? take : take + 1;
            if (line.Length > MaxLineLength)
            {
                throw Malformed("a chunk header or trailer line is too long");
            }

            if (newline >= 0)
            {
                return line.ToString().TrimEnd('\r');
            }
        }
    }

    private async Task<bool> FillAsync(CancellationToken cancellationToken)
    {
        start = 0;
        end = await inner.ReadAsync(window, cancellationToken).ConfigureAwait(false);
        return end > 0;
    }

    private static Protocol.AwsErrorException Malformed(string detail) => new("InvalidChunkSizeError", $"The aws-chunked body is malformed: {detail}.");
}
