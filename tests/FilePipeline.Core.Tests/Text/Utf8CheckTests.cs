using System.Text.Unicode;
using FilePipeline.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FilePipeline.Core.Tests.Text;

public class Utf8CheckTests
{
    // ASCII and the bytes where UTF-8's rules change (continuation ranges, overlong and surrogate
    // leads, bytes that never occur), mixed with valid characters so that many texts are valid.
    private static readonly Gen<byte[]> Texts =
        Gen.Choose(0, 300).SelectMany(length => Gen.ArrayOf(
            Gen.OneOf(
                Gen.Elements("a", ",", "\n", "é", "€", "😀", "ü", "aaaa").Select(text => System.Text.Encoding.UTF8.GetBytes(text)),
                Gen.Elements<byte>(0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF).Select(b => new[] { b })),
            length)).Select(parts => parts.SelectMany(part => part).ToArray());

    [Property(MaxTest = 1000)]
    public Property Validating_only_the_non_ASCII_runs_of_the_pieces_agrees_with_validating_the_whole_text() =>
        Prop.ForAll(Texts.ToArbitrary(), Gen.Choose(1, 200).ToArbitrary(), (text, pieceLength) =>
        {
            var check = new Utf8Check();
            var valid = true;
            for (var start = 0; start < text.Length && valid; start += pieceLength)
            {
                var piece = text.AsSpan(start, Math.Min(pieceLength, text.Length - start));
                var nonAsciiMasks = new ulong[ByteScan.MaskWords(piece.Length)];
                ByteScan.Of(piece, new ulong[nonAsciiMasks.Length], nonAsciiMasks);
                valid = check.FirstInvalid(piece, nonAsciiMasks) is null;
            }

            return (valid && check.PendingBytes == 0) == Utf8.IsValid(text);
        });
}
