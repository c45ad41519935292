namespace FilePipeline.Core.Text;

/// <summary>
/// Counts line breaks (LF, CR LF, or a lone CR, as CSV readers do) across consecutive pieces of
/// a stream, so the physical line of any byte can be named.
/// </summary>
internal struct PhysicalLineCounter
{
    private long _completedLines;
    private bool _lastWasCr;

    /// <summary>Counts the breaks of the next piece.</summary>
    public void Advance(ReadOnlySpan<byte> piece) => _completedLines += CountBreaks(piece, ref _lastWasCr);

    /// <summary>The 1-based line of <paramref name="piece"/>[<paramref name="index"/>], where piece is the next, not yet counted, one.</summary>
    public readonly long LineOf(ReadOnlySpan<byte> piece, int index)
    {
        var lastWasCr = _lastWasCr;
        return _completedLines + CountBreaks(piece[..index], ref lastWasCr) + 1;
    }

    private static long CountBreaks(ReadOnlySpan<byte> piece, ref bool lastWasCr)
    {
        if (piece.IsEmpty)
        {
            return 0;
        }

        long breaks = piece.Count((byte)'\n');
        if (lastWasCr && piece[0] == '\n')
        {
            breaks--; // the CR that ended the previous piece was already counted for this CR LF
        }

        var position = piece.IndexOf((byte)'\r');
        while (position >= 0)
        {
            var next = position + 1;
            if (next == piece.Length || piece[next] != '\n')
            {
                breaks++;
            }

            var following = piece[next..].IndexOf((byte)'\r');
            position = following < 0 ? -1 : next + following;
        }

        lastWasCr = piece[^1] == '\r';
        return breaks;
    }
}
