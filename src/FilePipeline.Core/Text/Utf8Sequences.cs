using System.Text;

namespace FilePipeline.Core.Text;

/// <summary>UTF-8 checks for text that arrives in pieces: a piece may end inside a character.</summary>
internal static class Utf8Sequences
{
    /// <summary>
    /// The number of trailing bytes that start a multi-byte character the piece cuts off
    /// (0 to 3), so that the rest can be validated on its own.
    /// </summary>
    public static int IncompleteTailLength(ReadOnlySpan<byte> bytes)
    {
        var last = bytes.Length - 1;
        var lowest = Math.Max(0, bytes.Length - 3);
        for (var i = last; i >= lowest; i--)
        {
            var b = bytes[i];
            if (!IsContinuation(b))
            {
                var needed = SequenceLength(b);
                var have = bytes.Length - i;
                return needed > have ? have : 0;
            }
        }

        return 0;
    }

    /// <summary>The length a lead byte announces; 1 for ASCII and for bytes that cannot lead.</summary>
    public static int SequenceLength(byte lead) => lead switch
    {
        >= 0xC2 and <= 0xDF => 2,
        >= 0xE0 and <= 0xEF => 3,
        >= 0xF0 and <= 0xF4 => 4,
        _ => 1,
    };

    /// <summary>The index of the first byte that does not belong to valid UTF-8 (call only when the span is invalid).</summary>
    public static int FirstInvalidIndex(ReadOnlySpan<byte> bytes)
    {
        var index = 0;
        while (index < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[index..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return index;
            }

            index += consumed;
        }

        return bytes.Length;
    }

    private static bool IsContinuation(byte b) => (b & 0xC0) == 0x80;
}
