using System.Globalization;
using System.Text;
using FilePipeline.Core.Csv;

namespace FilePipeline.Core.Tests.Csv;

/// <summary>Files large enough to cross many read buffers, whose true counts the generator knows.</summary>
public class GeneratedFileTests
{
    [Theory]
    [InlineData(20_000, "\n", 0)]
    [InlineData(20_000, "\r\n", 0)]
    [InlineData(50_000, "\n", 1_000)]
    public async Task A_generated_file_inspects_to_the_counts_it_was_made_with(int rows, string newLine, int raggedEvery)
    {
        var (bytes, expectedRagged, firstRaggedLine) = Generate(rows, newLine, raggedEvery);

        var result = await Inspect.BytesAsync(bytes);

        Assert.Equal(rows, result.RowCount);
        Assert.Equal(4, result.ColumnCount);
        Assert.Equal(bytes.Length, result.Bytes);
        Assert.Equal(expectedRagged, result.RaggedRows);
        Assert.Equal(firstRaggedLine, result.FirstRaggedLine);
    }

    // Every 20th row holds a quoted field with a comma, doubled quotes and a line break (two physical lines).
    private static (byte[] Bytes, long Ragged, long? FirstRaggedLine) Generate(int rows, string newLine, int raggedEvery)
    {
        var text = new StringBuilder("id,name,amount,note").Append(newLine);
        long line = 2;
        long ragged = 0;
        long? firstRagged = null;
        for (var row = 1; row <= rows; row++)
        {
            var isRagged = raggedEvery > 0 && row % raggedEvery == 0;
            var isQuoted = row % 20 == 0;
            text.Append(row.ToString(CultureInfo.InvariantCulture)).Append(",Zoë ").Append(row % 97).Append(',').Append(row * 3 % 1000);
            if (!isRagged)
            {
                text.Append(',').Append(isQuoted ? $"\"x, \"\"y\"\"{newLine}z\"" : "plain");
            }
            else
            {
                ragged++;
                firstRagged ??= line;
            }

            text.Append(newLine);
            line += isQuoted && !isRagged ? 2 : 1;
        }

        return (Encoding.UTF8.GetBytes(text.ToString()), ragged, firstRagged);
    }
}
