using System.Text;
using CsvHelper;

namespace FilePipeline.Core.Tests.Csv;

/// <summary>
/// CSV text written by CsvHelper's writer from known records, with what an inspection must find:
/// the data row count, ragged rows and the physical line where the first ragged record starts.
/// </summary>
internal sealed record GeneratedCsv(string Text, long Rows, long RaggedRows, long? FirstRaggedLine)
{
    public static GeneratedCsv Write(IReadOnlyList<string[]> records, string newLine)
    {
        var text = new StringBuilder();
        using var output = new StringWriter(text);
        using var writer = CsvWriter.Create(output, CsvWriterOptions.Default with { NewLine = newLine, ValidateFieldCount = false });
        long ragged = 0;
        long? firstRaggedLine = null;
        for (var i = 0; i < records.Count; i++)
        {
            writer.Flush();
            if (i > 0 && records[i].Length != records[0].Length)
            {
                ragged++;
                firstRaggedLine ??= LineBreaks(text.ToString()) + 1;
            }

            writer.WriteRecord(records[i]);
        }

        writer.Flush();
        return new GeneratedCsv(text.ToString(), records.Count - 1, ragged, firstRaggedLine);
    }

    /// <summary>Line breaks as CSV counts them: LF, CR LF, or a lone CR.</summary>
    public static long LineBreaks(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Count(c => c is '\n' or '\r');
}
