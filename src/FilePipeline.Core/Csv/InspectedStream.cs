using System.Globalization;
using System.IO.Hashing;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Text;

namespace FilePipeline.Core.Csv;

/// <summary>
/// A read-only pass-through over the content that, in the same pass as the CSV parser, counts
/// and hashes the bytes and rejects what is not text (NUL bytes) or too large.
/// </summary>
/// <remarks>
/// It reads the source into two buffers of its own and hands each one, once read, to a check
/// (scan for NUL bytes, count lines, hash) that runs on another thread while the parser works
/// through a copy: the parser is the bottleneck, so on two cores the checks cost almost nothing.
/// The checks run one after the other, in content order; a check's error surfaces on a later
/// read or in <see cref="CompleteAsync"/>.
/// </remarks>
internal sealed class InspectedStream(Stream source, long? maxBytes, CancellationToken stopToken) : Stream
{
    private const int BufferSize = 128 * 1024;

    private readonly byte[][] _buffers = [new byte[BufferSize], new byte[BufferSize]];
    private readonly XxHash128 _hash = new();
    private PhysicalLineCounter _lines;
    private int _current;
    private int _offset;
    private int _length;
    private long _checkedBytes;
    private Task _checking = Task.CompletedTask;
    private bool _ended;

    /// <summary>The bytes read from the source so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Reads whatever the parser left unread and waits for the checks of every byte.
    /// </summary>
    /// <returns>The checksum of all bytes, algorithm first: <c>xxh128:&lt;32 hex digits&gt;</c>.</returns>
    /// <exception cref="BinaryFileException">A NUL byte was found.</exception>
    public async Task<string> CompleteAsync()
    {
        var buffer = new byte[16 * 1024];
        while (await ReadAsync(buffer, stopToken).ConfigureAwait(false) > 0)
        {
        }

        await _checking.ConfigureAwait(false);
        return "xxh128:" + _hash.GetCurrentHashAsUInt128().ToString("x32", CultureInfo.InvariantCulture);
    }

    /// <summary>Waits for the checks of the bytes read so far, so that their error, if any, surfaces.</summary>
    public Task CheckedSoFarAsync() => _checking;

    public override int Read(Span<byte> buffer)
    {
        if (_offset == _length && !_ended)
        {
            stopToken.ThrowIfCancellationRequested();
            Filled(source.Read(NextBuffer()));
        }

        return CopyTo(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_offset == _length && !_ended)
        {
            stopToken.ThrowIfCancellationRequested();
            var token = cancellationToken.CanBeCanceled ? cancellationToken : stopToken;
            var count = await source.ReadAsync(NextBuffer(), token).ConfigureAwait(false);
            await _checking.ConfigureAwait(false);
            Filled(count);
        }

        return CopyTo(buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // The other buffer: its check finished before the previous check started, which was awaited.
    private byte[] NextBuffer()
    {
        _current ^= 1;
        return _buffers[_current];
    }

    private void Filled(int count)
    {
        _checking.GetAwaiter().GetResult(); // surfaces the previous check's error before more bytes go out
        _offset = 0;
        _length = count;
        if (count == 0)
        {
            _ended = true;
            return;
        }

        BytesRead += count;
        if (BytesRead > maxBytes)
        {
            throw new FileTooLargeException($"The file is larger than the limit of {maxBytes} bytes. Split it into smaller files.");
        }

        var buffer = _buffers[_current];
        _checking = Task.Run(() => Check(buffer, count));
    }

    private int CopyTo(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _length - _offset);
        _buffers[_current].AsSpan(_offset, count).CopyTo(destination);
        _offset += count;
        return count;
    }

    private void Check(byte[] buffer, int count)
    {
        var piece = buffer.AsSpan(0, count);
        var scan = ByteScan.Of(piece);
        if (scan.HasNul)
        {
            var nul = piece.IndexOf((byte)0);
            throw new BinaryFileException(_lines.LineOf(piece, nul), $"a NUL byte at byte offset {_checkedBytes + nul}; upload the data as CSV text");
        }

        _hash.Append(piece);
        _lines.Advance(piece, scan);
        _checkedBytes += count;
    }
}
