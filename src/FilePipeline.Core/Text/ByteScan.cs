using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FilePipeline.Core.Text;

/// <summary>
/// One vectorised pass over a piece of content that counts LF bytes, notes whether any NUL or CR
/// byte occurs, so the rarer, slower checks run only on pieces that need them, and marks where
/// the quotes are, so the quoting check jumps from quote to quote without reading the bytes again.
/// </summary>
internal readonly record struct ByteScan(long LineFeeds, bool HasNul, bool HasCarriageReturn)
{
    /// <summary>The number of quote mask words a piece of <paramref name="length"/> bytes needs: one bit per byte.</summary>
    public static int QuoteMaskWords(int length) => (length + 63) / 64;

    /// <summary>Scans <paramref name="piece"/> and sets bit <c>i % 64</c> of <paramref name="quoteMasks"/>[<c>i / 64</c>] where byte <c>i</c> is a quote.</summary>
    public static ByteScan Of(ReadOnlySpan<byte> piece, Span<ulong> quoteMasks)
    {
        ref var start = ref MemoryMarshal.GetReference(piece);
        ref var masks = ref MemoryMarshal.GetReference(quoteMasks[..QuoteMaskWords(piece.Length)]);
        var length = (nuint)piece.Length;
        nuint index = 0;
        long lineFeeds = 0;
        var nul = false;
        var cr = false;

        // The widest vectors the machine has: this pass runs over every byte, beside the parser.
        if (Vector512.IsHardwareAccelerated)
        {
            (lineFeeds, nul, cr) = Blocks512(ref start, ref masks, length, ref index);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            (lineFeeds, nul, cr) = Blocks256(ref start, ref masks, length, ref index);
        }

        var tail = piece[(int)index..];
        if (!tail.IsEmpty)
        {
            var mask = 0UL;
            for (var i = tail.IndexOf((byte)'"'); i >= 0 && i < tail.Length; i = NextQuote(tail, i + 1))
            {
                mask |= 1UL << i;
            }

            Unsafe.Add(ref masks, (nint)(index / 64)) = mask;
        }

        return new ByteScan(
            lineFeeds + tail.Count((byte)'\n'),
            HasNul: nul || tail.Contains((byte)0),
            HasCarriageReturn: cr || tail.Contains((byte)'\r'));
    }

    private static int NextQuote(ReadOnlySpan<byte> tail, int from)
    {
        var next = tail[from..].IndexOf((byte)'"');
        return next < 0 ? -1 : from + next;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (long LineFeeds, bool Nul, bool Cr) Blocks512(ref byte start, ref ulong masks, nuint length, ref nuint index)
    {
        long lineFeeds = 0;
        var lineFeed = Vector512.Create((byte)'\n');
        var carriageReturn = Vector512.Create((byte)'\r');
        var quote = Vector512.Create((byte)'"');
        var lowest = Vector512<byte>.AllBitsSet; // the smallest byte seen: zero means a NUL
        var cr = Vector512<byte>.Zero;
        for (; index + 64 <= length; index += 64)
        {
            var block = Vector512.LoadUnsafe(ref start, index);
            lineFeeds += BitOperations.PopCount(Vector512.Equals(block, lineFeed).ExtractMostSignificantBits());
            Unsafe.Add(ref masks, (nint)(index / 64)) = Vector512.Equals(block, quote).ExtractMostSignificantBits();
            lowest = Vector512.Min(lowest, block);
            cr |= Vector512.Equals(block, carriageReturn);
        }

        return (lineFeeds, Vector512.EqualsAny(lowest, Vector512<byte>.Zero), cr != Vector512<byte>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (long LineFeeds, bool Nul, bool Cr) Blocks256(ref byte start, ref ulong masks, nuint length, ref nuint index)
    {
        long lineFeeds = 0;
        var lineFeed = Vector256.Create((byte)'\n');
        var carriageReturn = Vector256.Create((byte)'\r');
        var quote = Vector256.Create((byte)'"');
        var lowest = Vector256<byte>.AllBitsSet;
        var cr = Vector256<byte>.Zero;
        for (; index + 64 <= length; index += 64)
        {
            var low = Vector256.LoadUnsafe(ref start, index);
            var high = Vector256.LoadUnsafe(ref start, index + 32);
            lineFeeds += BitOperations.PopCount(Vector256.Equals(low, lineFeed).ExtractMostSignificantBits())
                + BitOperations.PopCount(Vector256.Equals(high, lineFeed).ExtractMostSignificantBits());
            Unsafe.Add(ref masks, (nint)(index / 64)) = Vector256.Equals(low, quote).ExtractMostSignificantBits()
                | ((ulong)Vector256.Equals(high, quote).ExtractMostSignificantBits() << 32);
            lowest = Vector256.Min(lowest, Vector256.Min(low, high));
            cr |= Vector256.Equals(low, carriageReturn) | Vector256.Equals(high, carriageReturn);
        }

        return (lineFeeds, Vector256.EqualsAny(lowest, Vector256<byte>.Zero), cr != Vector256<byte>.Zero);
    }
}
