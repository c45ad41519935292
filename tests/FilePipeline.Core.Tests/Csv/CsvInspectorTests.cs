using System.IO.Hashing;
using System.Text;
using FilePipeline.Core.Csv;
using FilePipeline.Core.Errors;

namespace FilePipeline.Core.Tests.Csv;

public class CsvInspectorTests
{
    [Fact]
    public async Task A_simple_file_is_counted_without_its_header()
    {
        var result = await Inspect.TextAsync("id,name,city\n1,Ann,Oslo\n2,Bo,Rome\n");

        Assert.Equal(2, result.RowCount);
        Assert.Equal(3, result.ColumnCount);
        Assert.Equal(["id", "name", "city"], result.Header);
        Assert.Equal(0, result.RaggedRows);
        Assert.Null(result.FirstRaggedLine);
    }

    [Theory]
    [InlineData("a,b\n1,2\n")]
    [InlineData("a,b\n1,2")]
    [InlineData("a,b\r\n1,2\r\n")]
    [InlineData("a,b\r1,2\r")]
    [InlineData("a,b\n\n1,2\n\n\n")]
    [InlineData("\n\na,b\r\n\r\n1,2")]
    public async Task Trailing_newlines_and_blank_lines_add_no_records(string text)
    {
        var result = await Inspect.TextAsync(text);

        Assert.Equal(1, result.RowCount);
        Assert.Equal(2, result.ColumnCount);
    }

    [Fact]
    public async Task A_header_only_file_has_no_rows()
    {
        var result = await Inspect.TextAsync("id,name\n");

        Assert.Equal(0, result.RowCount);
        Assert.Equal(["id", "name"], result.Header);
    }

    [Fact]
    public async Task Quoted_fields_may_hold_separators_quotes_and_every_kind_of_line_break()
    {
        var text = "id,note\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"line\nbreak\"\n4,\"cr\rlf\r\nmix\"\n5,\"\"\n";

        var result = await Inspect.TextAsync(text);

        Assert.Equal(5, result.RowCount);
        Assert.Equal(0, result.RaggedRows);
    }

    [Fact]
    public async Task Quoted_header_names_are_unquoted()
    {
        var result = await Inspect.TextAsync("\"id\",\"full, name\",\"say \"\"x\"\"\"\n");

        Assert.Equal(["id", "full, name", "say \"x\""], result.Header);
    }

    [Fact]
    public async Task A_utf8_byte_order_mark_is_not_part_of_the_header_but_is_counted_and_hashed()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("id,name\n1,x\n")).ToArray();

        var result = await Inspect.BytesAsync(bytes);

        Assert.Equal(["id", "name"], result.Header);
        Assert.Equal(bytes.Length, result.Bytes);
        Assert.Equal(Checksum(bytes), result.Checksum);
    }

    [Fact]
    public async Task Ragged_rows_are_counted_with_the_physical_line_of_the_first()
    {
        var text = "a,b,c\n1,2,3\n\"multi\nline\",2,3\n\n4,5\n6,7,8,9\n10,11,12\n";

        var result = await Inspect.TextAsync(text);

        Assert.Equal(5, result.RowCount);
        Assert.Equal(2, result.RaggedRows);
        Assert.Equal(6, result.FirstRaggedLine);
    }

    [Fact]
    public async Task A_ragged_row_after_a_field_longer_than_the_read_buffers_is_located()
    {
        var longField = string.Join("\n", Enumerable.Repeat(new string('x', 999), 600)); // 600 lines, ~600 KB
        var text = $"a,b\n1,2\n3,\"{longField}\"\n\n4\n5,6\n";

        var result = await Inspect.TextAsync(text);

        Assert.Equal(4, result.RowCount);
        Assert.Equal(1, result.RaggedRows);
        Assert.Equal(3 + 600 + 1, result.FirstRaggedLine);
    }

    [Fact]
    public async Task A_quote_never_closed_early_in_a_big_file_fails_at_its_record_without_buffering_the_rest()
    {
        var rows = string.Concat(Enumerable.Repeat("1,2\n", 2_000_000)); // 8 MB after the open quote
        var text = $"a,b\n\n0,\"open\n{rows}";

        var error = await Assert.ThrowsAsync<InvalidCsvException>(() => Inspect.TextAsync(text));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public async Task Bytes_and_checksum_cover_the_whole_content()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,2\n\n\n");

        var result = await Inspect.BytesAsync(bytes);

        Assert.Equal(bytes.Length, result.Bytes);
        Assert.Equal(Checksum(bytes), result.Checksum);
        Assert.Matches("^xxh128:[0-9a-f]{32}$", result.Checksum);
    }

    [Fact]
    public async Task Different_content_has_a_different_checksum()
    {
        var first = await Inspect.TextAsync("a,b\n1,2\n");
        var second = await Inspect.TextAsync("a,b\n1,3\n");

        Assert.NotEqual(first.Checksum, second.Checksum);
    }

    [Fact]
    public async Task Without_a_header_every_record_is_a_row_and_the_first_sets_the_columns()
    {
        var result = await Inspect.TextAsync("1,2\n3,4,5\n6,7\n", CsvInspectionOptions.Default with { HasHeader = false });

        Assert.Equal(3, result.RowCount);
        Assert.Equal(2, result.ColumnCount);
        Assert.Empty(result.Header);
        Assert.Equal(1, result.RaggedRows);
        Assert.Equal(2, result.FirstRaggedLine);
    }

    [Theory]
    [InlineData(';')]
    [InlineData('\t')]
    [InlineData('|')]
    public async Task Another_delimiter_splits_fields_and_commas_become_text(char delimiter)
    {
        var text = $"a{delimiter}b\n1,5{delimiter}\"x{delimiter}y\"\n";

        var result = await Inspect.TextAsync(text, CsvInspectionOptions.Default with { Delimiter = delimiter });

        Assert.Equal(1, result.RowCount);
        Assert.Equal(2, result.ColumnCount);
        Assert.Equal(0, result.RaggedRows);
    }

    [Theory]
    [InlineData('"')]
    [InlineData('\n')]
    [InlineData('\r')]
    [InlineData('é')]
    public async Task A_delimiter_that_cannot_work_is_refused(char delimiter)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Inspect.TextAsync("a\n", CsvInspectionOptions.Default with { Delimiter = delimiter }));
    }

    [Fact]
    public async Task A_sep_line_is_data_not_an_instruction()
    {
        var result = await Inspect.TextAsync("sep=;\na;b\n");

        Assert.Equal(["sep=;"], result.Header);
        Assert.Equal(1, result.RowCount);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n\r\n")]
    [InlineData("\uFEFF")]
    [InlineData("\uFEFF\n")]
    public async Task A_file_without_any_record_is_empty(string text)
    {
        await Assert.ThrowsAsync<EmptyFileException>(() => Inspect.TextAsync(text));
        await Assert.ThrowsAsync<EmptyFileException>(() => Inspect.TextAsync(text, CsvInspectionOptions.Default with { HasHeader = false }));
    }

    [Theory]
    [InlineData("a,b\n1,\"open\n2,3\n", 2, "never closed")]
    [InlineData("a,b\n1,2\n3,4\n\"x", 4, "never closed")]
    [InlineData("a,b\n1,x\"y\n", 2, "quote inside an unquoted field")]
    [InlineData("a,b\n\n\n1,2\n3,4\"\n", 5, "quote inside an unquoted field")]
    [InlineData("a,b\n\"x\ny\",2\n\"ab\"c,2\n", 4, "after the closing quote")]
    [InlineData("a,\"b\nc\n", 1, "never closed")]
    public async Task Malformed_quoting_fails_with_the_physical_line_and_a_reason(string text, long line, string reason)
    {
        var error = await Assert.ThrowsAsync<InvalidCsvException>(() => Inspect.TextAsync(text));

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"Invalid CSV at line {line}: ", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsPermanent);
    }

    [Theory]
    [InlineData("a,b\n1,2\n3,\0\n", 3)]
    [InlineData("\0\0\0\0", 1)]
    [InlineData("a,b\r\n1,2\r\n\r\nx\0", 4)]
    [InlineData("a,b\r1,2\rx\0", 3)]
    [InlineData("a,\"multi\nline\0\"\n", 2)]
    public async Task Nul_bytes_mean_a_binary_file_with_the_line_of_the_first(string text, long line)
    {
        var error = await Assert.ThrowsAsync<BinaryFileException>(() => Inspect.TextAsync(text));

        Assert.Equal(line, error.Line);
        Assert.Contains("NUL", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n", 0)]
    [InlineData("\r\n", 1)]
    [InlineData("\r", 31)]
    [InlineData("\n", 5_000)]
    public async Task A_nul_byte_deep_in_a_long_file_is_located_by_line(string newLine, int padding)
    {
        var rows = string.Concat(Enumerable.Range(1, 40).Select(i => $"{i},Zoë,{new string('x', padding)}{newLine}"));
        var bytes = Encoding.UTF8.GetBytes($"id,name,pad{newLine}{rows}41,\0{newLine}");

        var error = await Assert.ThrowsAsync<BinaryFileException>(() => Inspect.BytesAsync(bytes));

        Assert.Equal(42, error.Line);
        Assert.Contains($"byte offset {bytes.Length - 1 - newLine.Length}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nul_byte_wins_over_the_quoting_errors_binary_content_causes()
    {
        var bytes = Encoding.UTF8.GetBytes("a,b\n1,x\"y\0\n");

        await Assert.ThrowsAsync<BinaryFileException>(() => Inspect.BytesAsync(bytes));
    }

    [Fact]
    public async Task Utf16_text_is_reported_as_binary()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("a,b\n1,2\n")).ToArray();

        await Assert.ThrowsAsync<BinaryFileException>(() => Inspect.BytesAsync(bytes));
    }

    [Fact]
    public async Task A_file_larger_than_the_limit_fails_as_too_large()
    {
        var options = CsvInspectionOptions.Default with { MaxBytes = 10 };

        Assert.Equal(10, (await Inspect.TextAsync("a,b\n1,2\n34", options)).Bytes);
        await Assert.ThrowsAsync<FileTooLargeException>(() => Inspect.TextAsync("a,b\n1,2\n345", options));
    }

    [Fact]
    public async Task A_cancelled_inspection_stops()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes("a,b\n1,2\n"));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CsvInspector.InspectAsync(stream, CsvInspectionOptions.Default, cancellation.Token));
    }

    [Fact]
    public async Task Cancellation_during_a_long_read_stops_the_inspection()
    {
        using var cancellation = new CancellationTokenSource();
        var stream = new CancellingStream(Encoding.UTF8.GetBytes("a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 100_000))), cancellation, afterReads: 3);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CsvInspector.InspectAsync(stream, CsvInspectionOptions.Default, cancellation.Token));
        Assert.True(stream.Reads < 10);
    }

    [Fact]
    public async Task The_stream_is_left_open_for_its_owner()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("a\n1\n"));

        await CsvInspector.InspectAsync(stream, CsvInspectionOptions.Default, CancellationToken.None);

        Assert.True(stream.CanRead);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public async Task Reads_cut_anywhere_give_the_same_result(int readSize)
    {
        var text = "\uFEFFid,name,note\r\n1,Zoë,\"a,\r\nb\"\r\n2,名前,😀\r\n\r\n3,x\r4,y,\"\"\"q\"\"\"\n";
        var whole = await Inspect.TextAsync(text);

        var trickled = await Inspect.TextAsync(text, readSize: readSize);

        Assert.Equal(whole with { Header = trickled.Header }, trickled);
        Assert.Equal(whole.Header, trickled.Header);
        Assert.Equal(4, whole.RowCount);
        Assert.Equal(1, whole.RaggedRows);
        Assert.Equal(6, whole.FirstRaggedLine);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task Errors_found_in_trickled_reads_name_the_same_line(int readSize)
    {
        var error = await Assert.ThrowsAsync<BinaryFileException>(() => Inspect.TextAsync("a\r\nb\r\r\n\nc\0", readSize: readSize));

        Assert.Equal(5, error.Line);
    }

    private static string Checksum(byte[] bytes) => "xxh128:" + Convert.ToHexStringLower(XxHash128.Hash(bytes));

    private sealed class CancellingStream(byte[] bytes, CancellationTokenSource cancellation, int afterReads) : MemoryStream(bytes)
    {
        public int Reads { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (++Reads == afterReads)
            {
                cancellation.Cancel();
            }

            return base.ReadAsync(buffer[..Math.Min(1024, buffer.Length)], cancellationToken);
        }

        public override int Read(Span<byte> buffer)
        {
            if (++Reads == afterReads)
            {
                cancellation.Cancel();
            }

            return base.Read(buffer[..Math.Min(1024, buffer.Length)]);
        }
    }
}
