using System.Text.Unicode;

namespace FilePipeline.Core.Text;

/// <summary>
/// Validates UTF-8 over a stream that arrives in pieces, with the vectorised <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/>:
/// a character split between two pieces is joined before it is judged.
/// </summary>
internal struct Utf8Check
{
    private uint _pending;

    /// <summary>Bytes at the end of the last piece that begin a character the next piece must finish (0 to 3).</summary>
    public int PendingBytes { get; private set; }

    /// <summary>
    /// The offset of the first invalid byte relative to <paramref name="piece"/>'s start (negative when the
    /// bad character began in the previous piece), or null when everything so far is valid UTF-8.
    /// </summary>
    public int? FirstInvalid(ReadOnlySpan<byte> piece)
    {
        var start = 0;
        if (PendingBytes > 0)
        {
            Span<byte> joined = stackalloc byte[4];
            for (var i = 0; i < PendingBytes; i++)
            {
                joined[i] = (byte)(_pending >> (8 * i));
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
        if (!Utf8.IsValid(complete))
        {
            return start + Utf8Sequences.FirstInvalidIndex(complete);
        }

        Keep(body[^tail..]);
        return null;
    }

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        _pending = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            _pending |= (uint)bytes[i] << (8 * i);
        }

        PendingBytes = bytes.Length;
    }
}
