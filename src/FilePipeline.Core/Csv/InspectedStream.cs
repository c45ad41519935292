using System.Buffers;
using System.Globalization;
using System.Runtime.ExceptionServices;
using System.IO.Hashing;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Text;

namespace FilePipeline.Core.Csv;

/// <summary>
/// A read-only pass-through over the content that, in the same pass as the CSV parser, counts
/// and hashes the bytes, rejects what is not text (NUL bytes), badly quoted or too large, and can
/// name the physical line of any byte the parser may still ask about.
/// </summary>
/// <remarks>
/// It reads the source into a ring of buffers of its own and checks each one (scan for NUL bytes,
/// check UTF-8 and quoting, count lines, hash) before the parser gets a byte of it: either on the
/// parser's thread, just before it reads, or with <paramref name="checksAhead"/> on a second
/// thread a batch of buffers ahead of the parser, which pays only when a second core is free. The parser
/// need not track lines or quoting errors itself. The ring keeps the last
/// <paramref name="retainedBytes"/> bytes, which must cover the parser's own buffer, so that the
/// line of a record the parser just returned can still be counted.
/// </remarks>
internal sealed class InspectedStream(Stream source, byte separator, long? maxBytes, int retainedBytes, bool checksAhead, CancellationToken stopToken) : Stream
{
    // Small enough to stay in the cache between the checks and the parser's copy.
    private const int BufferSize = 128 * 1024;

    // Buffers outlive an inspection so that the next one allocates nothing: enough for one ring.
    private static readonly ArrayPool<byte> Buffers = ArrayPool<byte>.Create(BufferSize, maxArraysPerBucket: 64);

    // Buffers read and checked per hand-off when checking ahead: each hand-off costs a pool task and
    // a wake-up, which per 128 KiB buffer took a tenth of the pass's CPU time.
    private const int AheadBatch = 8;

    // When checking ahead, room beyond the retained bytes for the batch being read and the one being loaded.
    private readonly Slot?[] slots = new Slot?[(retainedBytes / BufferSize) + 2 + (checksAhead ? 2 * AheadBatch : 0)];
    private readonly XxHash128 hash = new();
    private readonly QuotingCheck quoting = new(separator);
    private readonly ulong[] quoteMasks = new ulong[ByteScan.MaskWords(BufferSize)];
    private readonly ulong[] nonAsciiMasks = new ulong[ByteScan.MaskWords(BufferSize)];
    private Utf8Check utf8;
    private PhysicalLineCounter lines;
    private int current = -1;
    private int offset;
    private int length;
    private bool ended;
    private Batch batch = new();
    private Task<Batch>? ahead;

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

    /// <summary>Reads and checks whatever the parser left unread.</summary>
    /// <returns>The checksum of all bytes, algorithm first: <c>xxh128:&lt;32 hex digits&gt;</c>.</returns>
    /// <exception cref="BinaryFileException">A NUL byte or invalid UTF-8 was found.</exception>
    /// <exception cref="InvalidCsvException">Bad quoting was found.</exception>
    public string Complete()
    {
        while (!ended)
        {
            Fill();
        }

        return "xxh128:" + this.hash.GetCurrentHashAsUInt128().ToString("x32", CultureInfo.InvariantCulture);
    }

    /// <summary>The 1-based physical line of the byte at <paramref name="offset"/>, a byte read recently.</summary>
    public long LineAt(long offset)
    {
        var slot = Array.Find(slots, slot => slot is not null && slot.Start <= offset && offset < slot.End)
            ?? throw new InvalidOperationException($"Byte offset {offset} is no longer retained; the parser's buffer outgrew the retained bytes.");
        return slot.LinesBefore.LineOf(slot.Buffer.AsSpan(0, slot.Length), (int)(offset - slot.Start));
    }

    public override int Read(Span<byte> buffer)
    {
        if (this.offset == length && !ended)
        {
            Fill();
        }

        var count = Math.Min(buffer.Length, length - this.offset);
        if (count == 0)
        {
            return 0;
        }

        slots[current]!.Buffer.AsSpan(this.offset, count).CopyTo(buffer);
        this.offset += count;
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
            // The parser may stop early (it failed): the buffer being checked ahead must not be returned under the check.
            ((Task?)ahead)?.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
            for (var i = 0; i < slots.Length; i++)
            {
                if (slots[i] is { } slot)
                {
                    Buffers.Return(slot.Buffer);
                    slots[i] = null;
                }
            }
        }

        base.Dispose(disposing);
    }

    /// <summary>
    /// One read of the source. A network stream may stall, so its read is asynchronous and takes the
    /// deadline's token; waiting for it blocks only the inspection's own thread. A local file or
    /// memory is read synchronously: an asynchronous read of a synchronous file handle hops to a
    /// pool thread for every buffer, which cost ~15% of the pass.
    /// </summary>
    private int ReadSource(Memory<byte> buffer)
    {
        // Exactly MemoryStream: a subclass may override ReadAsync to wait (the CLI tests' slow stream does).
        if (source is FileStream { IsAsync: false } || source.GetType() == typeof(MemoryStream))
        {
            return source.Read(buffer.Span);
        }

        var pending = source.ReadAsync(buffer, stopToken);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Hands the parser the next checked buffer.</summary>
    private void Fill()
    {
        var next = (current + 1) % slots.Length;
        var count = checksAhead ? NextChecked(next) : Load(next);
        this.offset = 0;
        if (count == 0)
        {
            ended = true;
            length = 0;
            return; // the slot keeps the retained bytes it had
        }

        current = next;
        length = count;
    }

    /// <summary>
    /// The size of the buffer in slot <paramref name="next"/>, checked on a pool thread in a batch
    /// while the parser read the batch before, so the parser still never sees an unchecked byte.
    /// </summary>
    private int NextChecked(int next)
    {
        while (batch.Taken == batch.Loaded)
        {
            batch.Failure?.Throw(); // only once the buffers checked before the failure are read, as on one thread
            batch = ahead?.GetAwaiter().GetResult() ?? LoadBatch(next); // the first batch the parser waits for anyway
            ahead = null;
            if (!batch.Ends && batch.Failure is null)
            {
                var following = (next + batch.Loaded) % slots.Length;
                ahead = Task.Run(() => LoadBatch(following), stopToken);
            }
        }

        return batch.Counts[batch.Taken++];
    }

    private Batch LoadBatch(int first)
    {
        var loaded = new Batch();
        try
        {
            while (loaded.Loaded < AheadBatch && !loaded.Ends)
            {
                var count = Load((first + loaded.Loaded) % slots.Length);
                loaded.Counts[loaded.Loaded++] = count;
                loaded.Ends = count == 0;
            }
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            loaded.Failure = ExceptionDispatchInfo.Capture(failure);
        }

        return loaded;
    }

    /// <summary>Reads the next buffer from the source into slot <paramref name="index"/> and checks it; 0 at the end.</summary>
    private int Load(int index)
    {
        stopToken.ThrowIfCancellationRequested();
        var slot = slots[index] ??= new Slot(Buffers.Rent(BufferSize));
        var count = 0;
        int read;
        while (count < BufferSize && !stopToken.IsCancellationRequested && (read = ReadSource(slot.Buffer.AsMemory(count, BufferSize - count))) > 0)
        {
            count += read; // a full buffer keeps the ring's retained bytes what it was sized for
        }

        stopToken.ThrowIfCancellationRequested();
        if (count == 0)
        {
            if (utf8.PendingBytes > 0)
            {
                throw NotUtf8(BytesRead - utf8.PendingBytes, "the file ends inside a multi-byte character");
            }

            if (this.quoting.InQuotes)
            {
                // Reported where its record starts, which is where a person should look. The parser
                // has already failed on a record too long to be retained here.
                throw new InvalidCsvException(LineAt(this.quoting.RecordStart), QuotingCheck.NeverClosed);
            }

            return 0;
        }

        slot.Start = BytesRead;
        slot.Length = count;
        BytesRead += count;
        if (BytesRead > maxBytes)
        {
            throw new FileTooLargeException($"The file is larger than the limit of {maxBytes} bytes. Split it into smaller files.");
        }

        Check(slot);
        return count;
    }

    private void Check(Slot slot)
    {
        var piece = slot.Buffer.AsSpan(0, slot.Length);
        slot.LinesBefore = this.lines;
        var quoteMasks = this.quoteMasks.AsSpan(0, ByteScan.MaskWords(piece.Length));
        var nonAsciiMasks = this.nonAsciiMasks.AsSpan(0, quoteMasks.Length);
        var scan = ByteScan.Of(piece, quoteMasks, nonAsciiMasks);
        if (scan.HasNul)
        {
            var nul = piece.IndexOf((byte)0);
            throw new BinaryFileException(this.lines.LineOf(piece, nul), $"a NUL byte at byte offset {slot.Start + nul}; upload the data as CSV text");
        }

        if (utf8.FirstInvalid(piece, nonAsciiMasks) is { } invalid)
        {
            throw NotUtf8(slot.Start + invalid, "a byte that is not UTF-8");
        }

        if (this.quoting.Next(piece, quoteMasks) is var (index, reason))
        {
            throw new InvalidCsvException(this.lines.LineOf(piece, index), reason);
        }

        this.hash.Append(piece);
        this.lines.Advance(piece, scan);
    }

    /// <summary>Invalid UTF-8 anywhere in the file is rejected with the rule the upload's first bytes were sniffed with.</summary>
    private BinaryFileException NotUtf8(long offset, string what)
    {
        var slot = Array.Find(slots, slot => slot is not null && slot.Start <= offset && offset < slot.End);
        var line = slot is null ? this.lines.LineOf([], 0) : slot.LinesBefore.LineOf(slot.Buffer.AsSpan(0, slot.Length), (int)(offset - slot.Start));
        return new BinaryFileException(line, $"{what} at byte offset {offset}; save or export the file as UTF-8 CSV");
    }

    /// <summary>Buffers read and checked ahead of the parser, and what stopped them.</summary>
    private sealed class Batch
    {
        public int[] Counts { get; } = new int[AheadBatch];

        public int Loaded { get; set; }

        public int Taken { get; set; }

        public bool Ends { get; set; }

        public ExceptionDispatchInfo? Failure { get; set; }
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
