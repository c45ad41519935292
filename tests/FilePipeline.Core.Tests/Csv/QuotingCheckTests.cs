using System.Text;
using CsvHelper;
using FilePipeline.Core.Csv;
using FilePipeline.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FilePipeline.Core.Tests.Csv;

public class QuotingCheckTests
{
    private static readonly Gen<(string Text, int[] Cuts)> TextsAndCuts =
        from length in Gen.Choose(0, 200)
        from chars in Gen.ArrayOf(Gen.Elements('a', 'a', 'a', ',', '"', '"', '\n', '\r'), length)
        let text = new string(chars)
        from cuts in Gen.ArrayOf(Gen.Choose(0, text.Length))
        select (text, cuts);

    [Property(MaxTest = 500)]
    public Property The_check_agrees_with_csvhelper_on_every_quoting_error_wherever_the_pieces_are_cut() =>
        Prop.ForAll(TextsAndCuts.ToArbitrary(), input =>
        {
            var bytes = Encoding.UTF8.GetBytes(input.Text);

            return Check(bytes, input.Cuts) == CsvHelperVerdict(bytes);
        });

    [Theory]
    [InlineData("a,\"x\"", "\"y\",b\n", null)]
    [InlineData("a,\"x\"", "y,b\n", "text after the closing quote of a quoted field at 5")]
    [InlineData("a,\"x\"", "\nb\n", null)]
    [InlineData("a,", "\"x\n", "a quoted field that is never closed")]
    [InlineData("ab", "\"x\n", "a quote inside an unquoted field at 2")]
    public void A_quote_at_the_end_of_a_piece_is_judged_by_the_next(string first, string second, string? expected)
    {
        var bytes = Encoding.UTF8.GetBytes(first + second);

        Assert.Equal(expected, Check(bytes, [first.Length]));
    }

    [Fact]
    public void The_record_of_an_open_quote_starts_after_the_last_line_break_outside_quotes()
    {
        var check = new QuotingCheck((byte)',');

        Assert.Null(Next(check, "a\n\"b\nc\",d\r\n\n"u8));
        Assert.Null(Next(check, "e,\"f\n"u8));

        Assert.True(check.InQuotes);
        Assert.Equal(12, check.RecordStart); // "e", after the blank line
    }

    [Fact]
    public void A_quote_right_after_a_byte_order_mark_opens_a_field()
    {
        var check = new QuotingCheck((byte)',');

        Assert.Null(Next(check, "\uFEFF\"a\",b\n"u8));
        Assert.False(check.InQuotes);
    }

    private static string? Check(byte[] bytes, int[] cuts)
    {
        var check = new QuotingCheck((byte)',');
        var start = 0;
        foreach (var end in cuts.Append(bytes.Length).Where(cut => cut > 0).Order().Distinct())
        {
            if (Next(check, bytes.AsSpan(start, end - start)) is var (index, reason))
            {
                return $"{reason} at {start + index}";
            }

            start = end;
        }

        return check.InQuotes ? QuotingCheck.NeverClosed : null;
    }

    private static (int Index, string Reason)? Next(QuotingCheck check, ReadOnlySpan<byte> piece)
    {
        var quoteMasks = new ulong[ByteScan.MaskWords(piece.Length)];
        ByteScan.Of(piece, quoteMasks, new ulong[quoteMasks.Length]);
        return check.Next(piece, quoteMasks);
    }

    private static string? CsvHelperVerdict(byte[] bytes)
    {
        var options = CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = false,
            MalformedData = CsvMalformedDataHandling.Throw,
            DetectSeparatorHint = false,
        };
        try
        {
            using var reader = CsvReader.Create(new MemoryStream(bytes), options);
            while (reader.Read())
            {
            }

            return null;
        }
        catch (CsvFormatException e)
        {
            var reason = CsvFormatReasons.Describe(e);
            return reason == QuotingCheck.NeverClosed ? reason : $"{reason} at {e.ByteOffset}";
        }
    }
}
