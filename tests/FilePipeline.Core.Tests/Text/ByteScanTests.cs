using FilePipeline.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FilePipeline.Core.Tests.Text;

public class ByteScanTests
{
    // Long enough to cross the vector widths and leave tails of every length; bytes that matter plus filler.
    private static readonly Gen<byte[]> Pieces =
        Gen.Choose(0, 300).SelectMany(length => Gen.ArrayOf(Gen.Elements<byte>(0, (byte)'\n', (byte)'\r', (byte)'a', 0xFF, (byte)'a', (byte)'a'), length));

    [Property(MaxTest = 300)]
    public Property The_vectorised_scan_agrees_with_counting_byte_by_byte() =>
        Prop.ForAll(Pieces.ToArbitrary(), piece =>
        {
            var scan = ByteScan.Of(piece);

            return scan.LineFeeds == piece.Count(b => b == '\n')
                && scan.HasNul == piece.Contains((byte)0)
                && scan.HasCarriageReturn == piece.Contains((byte)'\r');
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

        Assert.True(ByteScan.Of(piece).HasNul);
        Assert.False(ByteScan.Of(piece.AsSpan(position + 1)).HasNul);
    }
}
