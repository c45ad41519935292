using System.Text.Unicode;

namespace FilePipeline.Core.Text;

/// <summary>Validates UTF-8 that arrives in pieces cut at arbitrary bytes.</summary>
internal struct Utf8StreamValidator
{
    private uint _carry; // up to 3 bytes of a character the previous piece cut off, low byte first
    private int _carryLength;

    /// <summary>Validates the next piece; returns the index of the first invalid byte, or -1.</summary>
    /// <remarks>An invalid character that began in the previous piece is reported at index 0.</remarks>
    public int Validate(ReadOnlySpan<byte> piece)
    {
        var start = 0;
        if (_carryLength > 0)
        {
            Span<byte> character = stackalloc byte[4];
            for (var i = 0; i < _carryLength; i++)
            {
                character[i] = (byte)(_carry >> (8 * i));
            }

            var needed = Utf8Sequences.SequenceLength(character[0]) - _carryLength;
            var taken = Math.Min(needed, piece.Length);
            piece[..taken].CopyTo(character[_carryLength..]);
            var sequence = character[..(_carryLength + taken)];
            if (taken < needed)
            {
                if (Utf8Sequences.IncompleteTailLength(sequence) != sequence.Length)
                {
                    return 0;
                }

                Keep(sequence);
                return -1;
            }

            if (!Utf8.IsValid(sequence))
            {
                return 0;
            }

            _carryLength = 0;
            start = taken;
        }

        var rest = piece[start..];
        var tail = Utf8Sequences.IncompleteTailLength(rest);
        var body = rest[..^tail];
        if (!Utf8.IsValid(body))
        {
            return start + Utf8Sequences.FirstInvalidIndex(body);
        }

        Keep(rest[^tail..]);
        return -1;
    }

    /// <summary>True when the stream ended inside a character.</summary>
    public readonly bool EndsInsideCharacter => _carryLength > 0;

    private void Keep(ReadOnlySpan<byte> incomplete)
    {
        _carry = 0;
        for (var i = 0; i < incomplete.Length; i++)
        {
            _carry |= (uint)incomplete[i] << (8 * i);
        }

        _carryLength = incomplete.Length;
    }
}
