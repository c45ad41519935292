using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FilePipeline.Core.Text;

/// <summary>
/// One vectorised pass over a piece of content that counts LF bytes, notes whether any NUL or CR
/// byte occurs, so the rarer, slower checks run only on pieces that need them, and marks where
/// the quotes and the non-ASCII bytes are, so the quoting and UTF-8 checks jump to them without
/// reading the bytes again.
/// </summary>
internal readonly record struct ByteScan(long LineFeeds, bool HasNul, bool HasCarriageReturn)
{
    /// <summary>The number of mask words a piece of <paramref name="length"/> bytes needs: one bit per byte.</summary>
    public static int MaskWords(int length) => (length + 63) / 64;

    /// <summary>
    /// Scans <paramref name="piece"/> and sets bit <c>i % 64</c> of <paramref name="quoteMasks"/>[<c>i / 64</c>] where byte <c>i</c>
    /// is a quote, and of <paramref name="nonAsciiMasks"/> where it is 0x80 or above.
    /// </summary>
    public static ByteScan Of(ReadOnlySpan<byte> piece, Span<ulong> quoteMasks, Span<ulong> nonAsciiMasks) =>
        Of(piece, quoteMasks, nonAsciiMasks, widestVectorBits: 512);

    /// <summary>
    /// <see cref="Of(ReadOnlySpan{byte}, Span{ulong}, Span{ulong})"/> with vectors no wider than
    /// <paramref name="widestVectorBits"/> (512, 256, or 0 for byte by byte), so that the tests can
    /// hold the paths this machine would not take against the one it does.
    /// </summary>
    public static ByteScan Of(ReadOnlySpan<byte> piece, Span<ulong> quoteMasks, Span<ulong> nonAsciiMasks, int widestVectorBits)
    {
        ref var start = ref MemoryMarshal.GetReference(piece);
        ref var masks = ref MemoryMarshal.GetReference(quoteMasks[..MaskWords(piece.Length)]);
        ref var highMasks = ref MemoryMarshal.GetReference(nonAsciiMasks[..MaskWords(piece.Length)]);
        var length = (nuint)piece.Length;
        nuint index = 0;
        long lineFeeds = 0;
        var nul = false;
        var cr = false;

        // The widest vectors the machine has: this pass runs over every byte, beside the parser.
        if (widestVectorBits >= 512 && Vector512.IsHardwareAccelerated)
        {
            (lineFeeds, nul, cr) = Blocks512(ref start, ref masks, ref highMasks, length, ref index);
        }
        else if (widestVectorBits >= 256 && Vector256.IsHardwareAccelerated)
        {
            (lineFeeds, nul, cr) = Blocks256(ref start, ref masks, ref highMasks, length, ref index);
        }

        // What the vectors left (everything, without them): index is a multiple of 64, so whole words.
        var tail = piece[(int)index..];
        quoteMasks[(int)(index / 64)..MaskWords(piece.Length)].Clear();
        nonAsciiMasks[(int)(index / 64)..MaskWords(piece.Length)].Clear();
        for (var i = 0; i < tail.Length; i++)
        {
            var at = (int)index + i;
            quoteMasks[at / 64] |= (tail[i] == '"' ? 1UL : 0UL) << (at % 64);
            nonAsciiMasks[at / 64] |= (ulong)(tail[i] >> 7) << (at % 64);
        }

        return new ByteScan(
            lineFeeds + tail.Count((byte)'\n'),
            HasNul: nul || tail.Contains((byte)0),
            HasCarriageReturn: cr || tail.Contains((byte)'\r'));
    }

    /// <summary>The first index from <paramref name="from"/> whose bit in <paramref name="masks"/> is <paramref name="set"/>, or <paramref name="to"/> when none is before it.</summary>
    public static int NextMarked(ReadOnlySpan<ulong> masks, int from, int to, bool set = true)
    {
        if (from >= to)
        {
            return to;
        }

        var flip = set ? 0UL : ulong.MaxValue;
        var word = from / 64;
        var bits = (masks[word] ^ flip) & (ulong.MaxValue << (from % 64));
        while (bits == 0)
        {
            if (++word * 64 >= to)
            {
                return to;
            }

            bits = masks[word] ^ flip;
        }

        return Math.Min(to, (word * 64) + BitOperations.TrailingZeroCount(bits));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (long LineFeeds, bool Nul, bool Cr) Blocks512(ref byte start, ref ulong masks, ref ulong highMasks, nuint length, ref nuint index)
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
            Unsafe.Add(ref highMasks, (nint)(index / 64)) = block.ExtractMostSignificantBits();
            lowest = Vector512.Min(lowest, block);
            cr |= Vector512.Equals(block, carriageReturn);
        }

        return (lineFeeds, Vector512.EqualsAny(lowest, Vector512<byte>.Zero), cr != Vector512<byte>.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (long LineFeeds, bool Nul, bool Cr) Blocks256(ref byte start, ref ulong masks, ref ulong highMasks, nuint length, ref nuint index)
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
            Unsafe.Add(ref highMasks, (nint)(index / 64)) = low.ExtractMostSignificantBits() | ((ulong)high.ExtractMostSignificantBits() << 32);
            lowest = Vector256.Min(lowest, Vector256.Min(low, high));
            cr |= Vector256.Equals(low, carriageReturn) | Vector256.Equals(high, carriageReturn);
        }

        return (lineFeeds, Vector256.EqualsAny(lowest, Vector256<byte>.Zero), cr != Vector256<byte>.Zero);
    }
}
