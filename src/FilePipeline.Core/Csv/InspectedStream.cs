using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Hashing;
using System.Threading.Channels;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Text;

namespace FilePipeline.Core.Csv;

/// <summary>
/// A read-only pass-through over the content that, in the same pass as the CSV parser, counts
/// and hashes the bytes, rejects what is not text (NUL bytes), badly quoted or too large, and can
/// name the physical line of any byte the parser may still ask about.
/// </summary>
/// <remarks>
/// A producer task reads the source (asynchronously, as a network stream wants) into buffers of
/// its own, checks each one (scan for NUL bytes, check quoting, count lines, hash) and only then hands it to the
/// parser, which reads this stream synchronously on its own thread: the parser is the bottleneck,
/// so on two cores the checks cost almost nothing, and the parser need not track lines itself.
/// A check's error surfaces on the parser's next read. The parser's side keeps the last
/// <paramref name="retainedBytes"/> bytes, which must cover the parser's own buffer, so that the
/// line of a record the parser just returned can still be counted.
/// </remarks>
internal sealed class InspectedStream : Stream
{
    private const int BufferSize = 512 * 1024;

    // Checked buffers waiting for the parser: enough to ride out a slow read without holding much.
    private const int ReadAhead = 4;

    // Buffers outlive an inspection so that the next one allocates nothing: enough for one inspection.
    private static readonly ArrayPool<byte> Buffers = ArrayPool<byte>.Create(BufferSize, maxArraysPerBucket: 64);

    private readonly Stream _source;
    private readonly QuotingCheck _quoting;
    private readonly long? _maxBytes;
    private readonly int _retainedSlots;
    private readonly Channel<Slot> _checked = Channel.CreateBounded<Slot>(new BoundedChannelOptions(ReadAhead) { SingleReader = true, SingleWriter = true });
    private readonly ConcurrentQueue<Slot> _free = new();
    private readonly Queue<Slot> _retained = new();
    private readonly CancellationTokenSource _stop;
    private readonly Task<string> _producer;
    private readonly XxHash128 _hash = new();
    private PhysicalLineCounter _lines; // the producer's
    private Slot? _current;
    private int _offset;
    private bool _ended;

    public InspectedStream(Stream source, byte separator, long? maxBytes, int retainedBytes, CancellationToken stopToken)
    {
        _source = source;
        _quoting = new QuotingCheck(separator);
        _maxBytes = maxBytes;
        _retainedSlots = (retainedBytes / BufferSize) + 1;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(stopToken);
        _producer = Task.Run(ProduceAsync, CancellationToken.None);
    }

    /// <summary>The bytes handed to the parser so far.</summary>
    public long BytesRead => _current?.End ?? 0;

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
    /// <exception cref="InvalidCsvException">Bad quoting was found.</exception>
    public string Complete()
    {
        while (NextSlot())
        {
        }

        return _producer.GetAwaiter().GetResult();
    }

    /// <summary>The 1-based physical line of the byte at <paramref name="offset"/>, a byte read recently.</summary>
    /// <param name="skipLineBreaks">Name the line of the first byte at or after the offset that is not a line break.</param>
    public long LineAt(long offset, bool skipLineBreaks = false)
    {
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
        if ((_current is null || _offset == _current.Length) && !NextSlot())
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, _current!.Length - _offset);
        _current.Buffer.AsSpan(_offset, count).CopyTo(buffer);
        _offset += count;
        return count;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stop.Cancel();
            // Its error was already reported through a read, or the inspection failed for another reason first.
            ((Task)_producer).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();

            _stop.Dispose();
            while (_checked.Reader.TryRead(out var waiting))
            {
                _free.Enqueue(waiting);
            }

            foreach (var slot in _retained.Concat(_free).Append(_current).OfType<Slot>())
            {
                Buffers.Return(slot.Buffer);
            }

            _retained.Clear();
            _free.Clear();
            _current = null;
        }

        base.Dispose(disposing);
    }

    /// <summary>Moves the parser on to the next checked buffer; false at the end of the content.</summary>
    /// <exception cref="BinaryFileException">The checks found a NUL byte.</exception>
    /// <exception cref="InvalidCsvException">The checks found bad quoting.</exception>
    private bool NextSlot()
    {
        if (_ended)
        {
            return false;
        }

        var reader = _checked.Reader;
        Slot? next;
        while (!reader.TryRead(out next))
        {
            if (!reader.WaitToReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult())
            {
                _ended = true;
                _producer.GetAwaiter().GetResult(); // the check's error, if that is why the buffers stopped
                if (_quoting.InQuotes)
                {
                    // Reported where its record starts, which is where a person should look; the
                    // parser would have failed on a record too long to be retained still.
                    throw new InvalidCsvException(LineAt(_quoting.RecordStart, skipLineBreaks: true), QuotingCheck.NeverClosed);
                }

                return false;
            }
        }

        if (_current is not null)
        {
            _retained.Enqueue(_current);
            if (_retained.Count > _retainedSlots)
            {
                _free.Enqueue(_retained.Dequeue());
            }
        }

        _current = next;
        _offset = 0;
        return true;
    }

    private Slot? SlotHolding(long offset) =>
        _current is not null && _current.Start <= offset && offset < _current.End
            ? _current
            : _retained.FirstOrDefault(slot => slot.Start <= offset && offset < slot.End);

    private async Task<string> ProduceAsync()
    {
        var token = _stop.Token;
        var writer = _checked.Writer;
        long total = 0;
        try
        {
            while (true)
            {
                token.ThrowIfCancellationRequested();
                var slot = _free.TryDequeue(out var reused) ? reused : new Slot(Buffers.Rent(BufferSize));
                var count = 0;
                int read;
                while (count < BufferSize && (read = await _source.ReadAsync(slot.Buffer.AsMemory(count, BufferSize - count), token).ConfigureAwait(false)) > 0)
                {
                    count += read; // a full buffer keeps the retained bytes what they were sized for
                }

                if (count == 0)
                {
                    _free.Enqueue(slot);
                    return "xxh128:" + _hash.GetCurrentHashAsUInt128().ToString("x32", CultureInfo.InvariantCulture);
                }

                slot.Start = total;
                slot.Length = count;
                total += count;
                if (total > _maxBytes)
                {
                    _free.Enqueue(slot);
                    throw new FileTooLargeException($"The file is larger than the limit of {_maxBytes} bytes. Split it into smaller files.");
                }

                Check(slot);
                await writer.WriteAsync(slot, token).ConfigureAwait(false);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private void Check(Slot slot)
    {
        var piece = slot.Buffer.AsSpan(0, slot.Length);
        slot.LinesBefore = _lines;
        var scan = ByteScan.Of(piece);
        if (scan.HasNul)
        {
            _free.Enqueue(slot);
            var nul = piece.IndexOf((byte)0);
            throw new BinaryFileException(_lines.LineOf(piece, nul), $"a NUL byte at byte offset {slot.Start + nul}; upload the data as CSV text");
        }

        if (_quoting.Next(piece) is var (index, reason))
        {
            _free.Enqueue(slot);
            throw new InvalidCsvException(_lines.LineOf(piece, index), reason);
        }

        _hash.Append(piece);
        _lines.Advance(piece, scan);
    }

    /// <summary>One buffer and what the checks knew when it began.</summary>
    private sealed class Slot(byte[] buffer)
    {
        public byte[] Buffer { get; } = buffer;

        public long Start { get; set; }

        public int Length { get; set; }

        public long End => Start + Length;

        public PhysicalLineCounter LinesBefore { get; set; }
    }
}
