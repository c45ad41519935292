using FilePipeline.Core.Text;

namespace FilePipeline.Core.Csv;

/// <summary>
/// Checks RFC 4180 quoting across consecutive pieces of a stream, jumping from quote to quote: a
/// quote opens a field only at its start, a quote inside a quoted field is doubled or closes it,
/// and a closing quote ends the field. It also knows where the record of an open quote starts.
/// </summary>
/// <remarks>
/// This takes malformed-quote detection off the parser, which then reads in its fastest mode.
/// The parser never sees a piece with a misplaced quote, so the two agree on every record it
/// returns; a quote never closed shows only at the end, which then fails instead of ending.
/// </remarks>
internal sealed class QuotingCheck(byte separator)
{
    public const string StrayQuote = "a quote inside an unquoted field";
    public const string TextAfterClosingQuote = "text after the closing quote of a quoted field";
    public const string NeverClosed = "a quoted field that is never closed";

    private static readonly byte[] ByteOrderMark = [0xEF, 0xBB, 0xBF];

    private long start;
    private long fieldStartAfterMark = -1;
    private bool inQuotes;
    private bool quoteEndedLastPiece;
    private bool lastPieceEndedAtFieldStart = true;

    /// <summary>Where the record of the field being read starts, as far as the pieces so far tell.</summary>
    public long RecordStart { get; private set; }

    /// <summary>Whether a quoted field is still open: at the end of the content, it is never closed.</summary>
    public bool InQuotes => inQuotes && !quoteEndedLastPiece;

    /// <summary>Checks the next piece.</summary>
    /// <param name="piece">The bytes.</param>
    /// <param name="quoteMasks">Where its quotes are, as <see cref="ByteScan"/> marks them.</param>
    /// <returns>The index in <paramref name="piece"/> and the reason of the first problem, or null.</returns>
    public (int Index, string Reason)? Next(ReadOnlySpan<byte> piece, ReadOnlySpan<ulong> quoteMasks)
    {
        var start = this.start;
        this.start += piece.Length;
        if (start == 0 && piece.StartsWith(ByteOrderMark))
        {
            fieldStartAfterMark = ByteOrderMark.Length;
        }

        var index = 0;
        if (quoteEndedLastPiece && !piece.IsEmpty)
        {
            quoteEndedLastPiece = false;
            if (piece[0] == '"')
            {
                index = 1; // a doubled quote split between the pieces
            }
            else if (EndsField(piece[0]))
            {
                inQuotes = false;
            }
            else
            {
                return (0, TextAfterClosingQuote);
            }
        }

        while (index < piece.Length)
        {
            var quote = ByteScan.NextMarked(quoteMasks, index, piece.Length);
            var found = quote < piece.Length;
            if (!inQuotes)
            {
                NoteRecordStart(piece[index..quote], start + index);
                if (!found)
                {
                    break;
                }

                var atFieldStart = quote == 0 ? lastPieceEndedAtFieldStart : EndsField(piece[quote - 1]);
                if (!atFieldStart && start + quote != fieldStartAfterMark)
                {
                    return (quote, StrayQuote);
                }

                inQuotes = true;
                index = quote + 1;
            }
            else if (!found)
            {
                break;
            }
            else if (quote + 1 == piece.Length)
            {
                quoteEndedLastPiece = true; // doubled or closing: the next piece says
                break;
            }
            else if (piece[quote + 1] == '"')
            {
                index = quote + 2;
            }
            else if (EndsField(piece[quote + 1]))
            {
                inQuotes = false;
                index = quote + 1;
            }
            else
            {
                return (quote + 1, TextAfterClosingQuote);
            }
        }

        if (!piece.IsEmpty)
        {
            lastPieceEndedAtFieldStart = EndsField(piece[^1]);
        }

        return null;
    }

    private bool EndsField(byte value) => value == separator || value is (byte)'\r' or (byte)'\n';

    // Line breaks outside quotes end records; the last one seen is where the current record starts.
    private void NoteRecordStart(ReadOnlySpan<byte> unquoted, long offset)
    {
        var lastBreak = unquoted.LastIndexOfAny((byte)'\r', (byte)'\n');
        if (lastBreak >= 0)
        {
            RecordStart = offset + lastBreak + 1;
        }
    }
}
