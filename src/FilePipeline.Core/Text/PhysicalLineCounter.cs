namespace FilePipeline.Core.Text;

/// <summary>
/// Counts line breaks (LF, CR LF, or a lone CR, as CSV readers do) across consecutive pieces of
/// a stream, so the physical line of any byte can be named.
/// </summary>
internal struct PhysicalLineCounter
{
    private long completedLines;
    private bool lastWasCr;

    /// <summary>Counts the breaks of the next piece, reusing the scan already made of it.</summary>
    public void Advance(ReadOnlySpan<byte> piece, in ByteScan scan) =>
        completedLines += CountBreaks(piece, scan.LineFeeds, scan.HasCarriageReturn, ref this.lastWasCr);

    /// <summary>The 1-based line of <paramref name="piece"/>[<paramref name="index"/>], where piece is the next, not yet counted, one.</summary>
    public readonly long LineOf(ReadOnlySpan<byte> piece, int index)
    {
        var lastWasCr = this.lastWasCr;
        var before = piece[..index];
        return completedLines + CountBreaks(before, before.Count((byte)'\n'), before.Contains((byte)'\r'), ref lastWasCr) + 1;
    }

    private static long CountBreaks(ReadOnlySpan<byte> piece, long lineFeeds, bool hasCarriageReturn, ref bool lastWasCr)
    {
        if (piece.IsEmpty)
        {
            return 0;
        }

        var breaks = lineFeeds;
        if (lastWasCr && piece[0] == '\n')
        {
            breaks--; // the CR that ended the previous piece was already counted for this CR LF
        }

        lastWasCr = piece[^1] == '\r';
        if (!hasCarriageReturn)
        {
            return breaks;
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

        return breaks;
    }
}
