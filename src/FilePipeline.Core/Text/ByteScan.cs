using System.Numerics;
using System.Runtime.Intrinsics;

namespace FilePipeline.Core.Text;

/// <summary>
/// One vectorised pass over a piece of content that counts LF bytes and notes whether any NUL,
/// CR or non-ASCII byte occurs, so the rarer, slower checks run only on pieces that need them.
/// </summary>
internal readonly record struct ByteScan(long LineFeeds, bool HasNul, bool HasCarriageReturn, bool HasNonAscii)
{
    public static ByteScan Of(ReadOnlySpan<byte> piece)
    {
        long lineFeeds = 0;
        var index = 0;
        var nul = Vector256<byte>.Zero;
        var cr = Vector256<byte>.Zero;
        var any = Vector256<byte>.Zero;
        if (Vector256.IsHardwareAccelerated)
        {
            var lineFeed = Vector256.Create((byte)'\n');
            var carriageReturn = Vector256.Create((byte)'\r');
            var last = piece.Length - Vector256<byte>.Count;
            for (; index <= last; index += Vector256<byte>.Count)
            {
                var block = Vector256.Create(piece.Slice(index, Vector256<byte>.Count));
                lineFeeds += BitOperations.PopCount(Vector256.Equals(block, lineFeed).ExtractMostSignificantBits());
                nul |= Vector256.Equals(block, Vector256<byte>.Zero);
                cr |= Vector256.Equals(block, carriageReturn);
                any |= block;
            }
        }

        var tail = piece[index..];
        return new ByteScan(
            lineFeeds + tail.Count((byte)'\n'),
            HasNul: nul != Vector256<byte>.Zero || tail.Contains((byte)0),
            HasCarriageReturn: cr != Vector256<byte>.Zero || tail.Contains((byte)'\r'),
            HasNonAscii: (any & Vector256.Create((byte)0x80)) != Vector256<byte>.Zero || tail.ContainsAnyInRange((byte)0x80, (byte)0xFF));
    }
}
