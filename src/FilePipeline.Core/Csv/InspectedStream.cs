using System.Buffers;
using System.Globalization;
using System.IO.Hashing;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Text;

namespace FilePipeline.Core.Csv;

/// <summary>
/// A read-only pass-through over the content that, in the same pass as the CSV parser, counts
/// and hashes the bytes, rejects what is not text (NUL bytes) or too large, and can name the
/// physical line of any byte the parser may still ask about.
/// </summary>
/// <remarks>
/// It reads the source into a ring of buffers of its own and hands each one, once read, to a
/// check (scan for NUL bytes, count lines, hash) that runs on another thread while the parser
/// works through a copy: the parser is the bottleneck, so on two cores the checks cost almost
/// nothing, and the parser need not track lines itself. The checks run one after the other, in
/// content order; a check's error surfaces on a later read or when the results are asked for.
/// The ring keeps the last <paramref name="retainedBytes"/> bytes, which must cover the parser's
/// own buffer, so that the line of a record the parser just returned can still be counted.
/// </remarks>
internal sealed class InspectedStream(Stream source, long? maxBytes, int retainedBytes, CancellationToken stopToken) : Stream
{
    private const int BufferSize = 128 * 1024;

    // Buffers outlive an inspection so that the next one allocates nothing: enough for one ring.
    private static readonly ArrayPool<byte> Buffers = ArrayPool<byte>.Create(BufferSize, maxArraysPerBucket: 64);

    private readonly Slot?[] _slots = new Slot?[(retainedBytes / BufferSize) + 2];
    private readonly XxHash128 _hash = new();
    private PhysicalLineCounter _lines;
    private int _current = -1;
    private int _offset;
    private int _length;
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

    /// <summary>Reads whatever the parser left unread and waits for the checks of every byte.</summary>
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

    /// <summary>The 1-based physical line of the byte at <paramref name="offset"/>, a byte read recently.</summary>
    /// <param name="skipLineBreaks">Name the line of the first byte at or after the offset that is not a line break.</param>
    public async Task<long> LineAtAsync(long offset, bool skipLineBreaks = false)
    {
        await _checking.ConfigureAwait(false);
        while (skipLineBreaks && SlotHolding(offset) is { } holder && holder.Buffer[offset - holder.Start] is (byte)'\r' or (byte)'\n')
        {
            offset++;
        }

        var slot = SlotHolding(offset)
            ?? throw new InvalidOperationException($"Byte offset {offset} is no longer retained; the parser's buffer outgrew the retained bytes.");
        return slot.LinesBefore.LineOf(slot.Buffer.AsSpan(0, slot.Length), (int)(offset - slot.Start));
    }

    public override int Read(Span<byte> buffer)
    {
        if (_offset == _length && !_ended)
        {
            stopToken.ThrowIfCancellationRequested();
            var slot = NextSlot();
            var count = 0;
            int read;
            while (count < BufferSize && (read = source.Read(slot.Buffer.AsSpan(count, BufferSize - count))) > 0)
            {
                count += read;
            }

            _checking.GetAwaiter().GetResult();
            Filled(slot, count);
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
            var slot = NextSlot();
            var count = 0;
            int read;
            while (count < BufferSize && (read = await source.ReadAsync(slot.Buffer.AsMemory(count, BufferSize - count), token).ConfigureAwait(false)) > 0)
            {
                count += read; // a full buffer keeps the ring's retained bytes what it was sized for
            }

            await _checking.ConfigureAwait(false); // surfaces the previous check's error before more bytes go out
            Filled(slot, count);
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

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await _checking.ConfigureAwait(false);
        }
        catch (BinaryFileException)
        {
            // Already reported, or the inspection failed for another reason first.
        }

        await base.DisposeAsync().ConfigureAwait(false);
    }

    protected override void Dispose(bool disposing)
    {
        // A check still running reads its buffer: leave the buffers to the collector then.
        if (disposing && _checking.IsCompleted)
        {
            for (var i = 0; i < _slots.Length; i++)
            {
                if (_slots[i] is { } slot)
                {
                    Buffers.Return(slot.Buffer);
                    _slots[i] = null;
                }
            }
        }

        base.Dispose(disposing);
    }

    // The oldest slot: its check finished before the previous check started, and that was awaited.
    private Slot NextSlot()
    {
        _current = (_current + 1) % _slots.Length;
        return _slots[_current] ??= new Slot(Buffers.Rent(BufferSize));
    }

    private Slot? SlotHolding(long offset) =>
        Array.Find(_slots, slot => slot is not null && slot.Start <= offset && offset < slot.End);

    private void Filled(Slot slot, int count)
    {
        slot.Start = BytesRead;
        slot.Length = count;
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

        _checking = Task.Run(() => Check(slot));
    }

    private int CopyTo(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _length - _offset);
        _slots[_current]!.Buffer.AsSpan(_offset, count).CopyTo(destination);
        _offset += count;
        return count;
    }

    private void Check(Slot slot)
    {
        var piece = slot.Buffer.AsSpan(0, slot.Length);
        slot.LinesBefore = _lines;
        var scan = ByteScan.Of(piece);
        if (scan.HasNul)
        {
            var nul = piece.IndexOf((byte)0);
            throw new BinaryFileException(_lines.LineOf(piece, nul), $"a NUL byte at byte offset {slot.Start + nul}; upload the data as CSV text");
        }

        _hash.Append(piece);
        _lines.Advance(piece, scan);
    }

    /// <summary>One buffer of the ring and what the checks knew when it began.</summary>
    private sealed class Slot(byte[] buffer)
    {
        public byte[] Buffer { get; } = buffer;

        public long Start { get; set; }

        public int Length { get; set; }

        public long End => Start + Length;

        public PhysicalLineCounter LinesBefore { get; set; }
    }
}
