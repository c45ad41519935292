using System.Globalization;
using System.IO.Hashing;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Text;

namespace FilePipeline.Core.Csv;

/// <summary>
/// A read-only pass-through over the content that, in the same pass as the CSV parser, counts
/// and hashes the bytes and rejects what is not text (NUL bytes, invalid UTF-8) or too large.
/// Checking here, before the parser sees a byte, keeps the parser's fast path untouched.
/// </summary>
internal sealed class InspectedStream(Stream source, long? maxBytes, CancellationToken stopToken) : Stream
{
    private readonly XxHash128 _hash = new();
    private PhysicalLineCounter _lines;
    private Utf8StreamValidator _utf8;

    /// <summary>The bytes read so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>The checksum of the bytes read so far, algorithm first: <c>xxh128:&lt;32 hex digits&gt;</c>.</summary>
    public string Checksum => "xxh128:" + _hash.GetCurrentHashAsUInt128().ToString("x32", CultureInfo.InvariantCulture);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>Reads whatever the parser left unread, so the count and checksum cover every byte.</summary>
    public async Task DrainAsync()
    {
        var buffer = new byte[16 * 1024];
        while (await ReadAsync(buffer, stopToken).ConfigureAwait(false) > 0)
        {
        }
    }

    public override int Read(Span<byte> buffer)
    {
        stopToken.ThrowIfCancellationRequested();
        var count = source.Read(buffer);
        Observe(buffer[..count]);
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        stopToken.ThrowIfCancellationRequested();
        var token = cancellationToken.CanBeCanceled ? cancellationToken : stopToken;
        var count = await source.ReadAsync(buffer, token).ConfigureAwait(false);
        Observe(buffer.Span[..count]);
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private void Observe(ReadOnlySpan<byte> piece)
    {
        if (piece.IsEmpty)
        {
            if (_utf8.EndsInsideCharacter)
            {
                throw new BinaryFileException(_lines.LineOf(piece, 0), "the file ends inside a UTF-8 character");
            }

            return;
        }

        if (BytesRead + piece.Length > maxBytes)
        {
            throw new FileTooLargeException($"The file is larger than the limit of {maxBytes} bytes. Split it into smaller files.");
        }

        var nul = piece.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new BinaryFileException(_lines.LineOf(piece, nul), $"a NUL byte at byte offset {BytesRead + nul}; upload the data as CSV text");
        }

        var invalid = _utf8.Validate(piece);
        if (invalid >= 0)
        {
            throw new BinaryFileException(_lines.LineOf(piece, invalid), $"bytes that are not UTF-8 near byte offset {BytesRead + invalid}; save the file as UTF-8 CSV");
        }

        _hash.Append(piece);
        _lines.Advance(piece);
        BytesRead += piece.Length;
    }
}
