using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FilePipeline.Core.Text;

/// <summary>
/// One vectorised pass over a piece of content that counts LF bytes and notes whether any NUL
/// or CR byte occurs, so the rarer, slower checks run only on pieces that need them.
/// </summary>
internal readonly record struct ByteScan(long LineFeeds, bool HasNul, bool HasCarriageReturn)
{
    public static ByteScan Of(ReadOnlySpan<byte> piece)
    {
        ref var start = ref MemoryMarshal.GetReference(piece);
        var length = (nuint)piece.Length;
        nuint index = 0;
        long lineFeeds = 0;
        var nul = false;
        var cr = false;

        // The widest vectors the machine has: this pass runs over every byte, beside the parser.
        if (Vector512.IsHardwareAccelerated && length >= (nuint)Vector512<byte>.Count)
        {
            (lineFeeds, nul, cr) = Blocks512(ref start, length, ref index);
        }
        else if (Vector256.IsHardwareAccelerated && length >= (nuint)Vector256<byte>.Count)
        {
            (lineFeeds, nul, cr) = Blocks256(ref start, length, ref index);
        }

        var tail = piece[(int)index..];
        return new ByteScan(
            lineFeeds + tail.Count((byte)'\n'),
            HasNul: nul || tail.Contains((byte)0),
            HasCarriageReturn: cr || tail.Contains((byte)'\r'));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (long LineFeeds, bool Nul, bool Cr) Blocks512(ref byte start, nuint length, ref nuint index)
    {
        long lineFeeds = 0;
        var lineFeed = Vector512.Create((byte)'\n');
        var carriageReturn = Vector512.Create((byte)'\r');
        var lowest = Vector512<byte>.AllBitsSet; // the smallest byte seen: zero means a NUL
        var cr = Vector512<byte>.Zero;
        for (; index + (nuint)Vector512<byte>.Count <= length; index += (nuint)Vector512<byte>.Count)
        {
            var block = Vector512.LoadUnsafe(ref start, index);
            lineFeeds += BitOperations.PopCount(Vector512.Equals(block, lineFeed).ExtractMostSignificantBits());
            lowest = Vector512.Min(lowest, block);
            cr |= Vector512.Equals(block, carriageReturn);
        }

        return (lineFeeds, Vector512.EqualsAny(lowest, Vector512<byte>.Zero), cr != Vector512<byte>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (long LineFeeds, bool Nul, bool Cr) Blocks256(ref byte start, nuint length, ref nuint index)
    {
        long lineFeeds = 0;
        var lineFeed = Vector256.Create((byte)'\n');
        var carriageReturn = Vector256.Create((byte)'\r');
        var lowest = Vector256<byte>.AllBitsSet;
        var cr = Vector256<byte>.Zero;
        for (; index + (nuint)Vector256<byte>.Count <= length; index += (nuint)Vector256<byte>.Count)
        {
            var block = Vector256.LoadUnsafe(ref start, index);
            lineFeeds += BitOperations.PopCount(Vector256.Equals(block, lineFeed).ExtractMostSignificantBits());
            lowest = Vector256.Min(lowest, block);
            cr |= Vector256.Equals(block, carriageReturn);
        }

        return (lineFeeds, Vector256.EqualsAny(lowest, Vector256<byte>.Zero), cr != Vector256<byte>.Zero);
    }
}
