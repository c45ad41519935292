using FilePipeline.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FilePipeline.Core.Tests.Text;

public class ByteScanTests
{
    // Long enough to cross the vector widths and leave tails of every length; bytes that matter plus filler.
    private static readonly Gen<byte[]> Pieces =
        Gen.Choose(0, 300).SelectMany(length => Gen.ArrayOf(Gen.Elements<byte>(0, (byte)'\n', (byte)'\r', (byte)'"', (byte)'a', 0xFF, (byte)'a', (byte)'a'), length));

    [Property(MaxTest = 300)]
    public Property The_vectorised_scan_agrees_with_looking_at_each_byte() =>
        Prop.ForAll(Pieces.ToArbitrary(), piece =>
        {
            var quoteMasks = new ulong[ByteScan.MaskWords(piece.Length)];
            var nonAsciiMasks = new ulong[ByteScan.MaskWords(piece.Length)];
            var scan = ByteScan.Of(piece, quoteMasks, nonAsciiMasks);

            return scan.LineFeeds == piece.Count(b => b == '\n')
                && scan.HasNul == piece.Contains((byte)0)
                && scan.HasCarriageReturn == piece.Contains((byte)'\r')
                && Enumerable.Range(0, piece.Length).All(i => (piece[i] == '"') == ((quoteMasks[i / 64] >> (i % 64) & 1) == 1))
                && Enumerable.Range(0, piece.Length).All(i => (piece[i] >= 0x80) == ((nonAsciiMasks[i / 64] >> (i % 64) & 1) == 1));
        });

    [Property(MaxTest = 300)]
    public Property Every_vector_width_and_the_byte_by_byte_fallback_give_the_same_scan() =>
        Prop.ForAll(Pieces.ToArbitrary(), piece =>
        {
            var scans = new[] { 512, 256, 0 }.Select(bits =>
            {
                var quoteMasks = Enumerable.Repeat(ulong.MaxValue, ByteScan.MaskWords(piece.Length)).ToArray(); // stale bits must be cleared
                var nonAsciiMasks = quoteMasks.ToArray();
                var scan = ByteScan.Of(piece, quoteMasks, nonAsciiMasks, bits);
                return (scan, Quotes: string.Join(',', quoteMasks), NonAscii: string.Join(',', nonAsciiMasks));
            }).ToArray();

            return scans.All(scan => scan == scans[0]);
        });

    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(200)]
    public void A_single_nul_is_found_wherever_it_is(int position)
    {
        var piece = Enumerable.Repeat((byte)'x', 201).ToArray();
        piece[position] = 0;

        var masks = new ulong[ByteScan.MaskWords(piece.Length)];

        Assert.True(ByteScan.Of(piece, masks, masks.ToArray()).HasNul);
        Assert.False(ByteScan.Of(piece.AsSpan(position + 1), masks, masks.ToArray()).HasNul);
    }
}
