using System.Text;
using FilePipeline.Core.Errors;

namespace FilePipeline.Core.Tests.Csv;

/// <summary>Invalid UTF-8 is rejected wherever it is in the file, and valid characters split across reads are not.</summary>
public class Utf8InspectionTests
{
    /// <summary>The inspector checks the content in buffers of this size.</summary>
    private const int Buffer = 128 * 1024;

    /// <summary>CSV rows of ASCII filling <paramref name="length"/> bytes exactly, each line ending in LF.</summary>
    private static byte[] AsciiRows(int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = i % 16 == 15 ? (byte)'\n' : (byte)('a' + (i % 16));
        }

        return bytes;
    }

    private static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    [Fact]
    public async Task An_invalid_byte_a_megabyte_into_the_file_is_rejected_with_its_offset()
    {
        var bytes = AsciiRows(1_000_000);
        bytes[999_000] = 0xFF;

        var error = await Assert.ThrowsAsync<BinaryFileException>(() => Inspect.BytesAsync(bytes));

        Assert.Contains("not UTF-8 at byte offset 999000", error.Reason, StringComparison.Ordinal);
        Assert.Equal((999_000 / 16) + 1, error.Line);
    }

    [Theory]
    [InlineData("é", 1)]
    [InlineData("€", 1)]
    [InlineData("€", 2)]
    [InlineData("😀", 1)]
    [InlineData("😀", 2)]
    [InlineData("😀", 3)]
    public async Task A_character_split_across_two_buffers_is_valid(string character, int bytesInFirstBuffer)
    {
        var encoded = Encoding.UTF8.GetBytes(character);
        var bytes = Join(AsciiRows(Buffer - bytesInFirstBuffer), encoded, "\n"u8.ToArray(), AsciiRows(5_000));

        var inspection = await Inspect.BytesAsync(bytes);

        Assert.Equal(bytes.Length, inspection.Bytes);
    }

    [Fact]
    public async Task A_character_split_across_many_tiny_reads_is_valid()
    {
        var bytes = Encoding.UTF8.GetBytes("name\n😀é€\n");

        var inspection = await Inspect.BytesAsync(bytes, readSize: 1);

        Assert.Equal(1, inspection.RowCount);
    }

    [Fact]
    public async Task A_lead_byte_at_a_buffer_end_followed_by_no_continuation_is_rejected_where_it_starts()
    {
        var bytes = Join(AsciiRows(Buffer - 1), [0xE2], "abc\n"u8.ToArray());

        var error = await Assert.ThrowsAsync<BinaryFileException>(() => Inspect.BytesAsync(bytes));

        Assert.Contains($"at byte offset {Buffer - 1}", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_ending_inside_a_character_is_rejected()
    {
        var bytes = Join("a,b\n1,2\n"u8.ToArray(), [0xF0, 0x9F]);

        var error = await Assert.ThrowsAsync<BinaryFileException>(() => Inspect.BytesAsync(bytes));

        Assert.Contains("ends inside a multi-byte character at byte offset 8", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0xC0, 0x80 })] // overlong NUL
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // a UTF-16 surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // beyond U+10FFFF
    public async Task Sequences_that_UTF8_forbids_are_rejected_after_the_first_4_KB(byte[] sequence)
    {
        var bytes = Join(AsciiRows(10_000), sequence, "\n"u8.ToArray());

        await Assert.ThrowsAsync<BinaryFileException>(() => Inspect.BytesAsync(bytes));
    }
}
