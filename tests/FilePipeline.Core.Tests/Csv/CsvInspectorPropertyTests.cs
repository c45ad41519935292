using FilePipeline.Core.Csv;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FilePipeline.Core.Tests.Csv;

public class CsvInspectorPropertyTests
{
    // Field text drawn from the characters that matter to CSV: separators, quotes, line breaks,
    // spaces and multi-byte UTF-8, mixed with plain letters.
    private static readonly Gen<string> Field =
        Gen.ArrayOf(Gen.Elements('a', 'Z', '7', ',', '"', '\n', '\r', ' ', 'é', '名', ';'))
            .Select(chars => new string(chars));

    private static readonly Gen<string> NonEmptyField = Field.Where(field => field.Length > 0);

    // A single empty field would be written as a blank line, which is rightly not a record.
    private static Gen<string[]> Record(int columns) =>
        columns == 1 ? Gen.ArrayOf(NonEmptyField, 1) : Gen.ArrayOf(Field, columns);

    private static readonly Gen<(string[][] Records, string NewLine)> RectangularFiles =
        from columns in Gen.Choose(1, 6)
        from rows in Gen.Choose(0, 30)
        from records in Gen.ArrayOf(Record(columns), rows + 1)
        from newLine in Gen.Elements("\n", "\r\n")
        select (records, newLine);

    private static readonly Gen<(string[][] Records, string NewLine)> RaggedFiles =
        from rows in Gen.Choose(0, 30)
        from records in Gen.ArrayOf(Gen.Choose(2, 5).SelectMany(Record), rows + 1)
        from newLine in Gen.Elements("\n", "\r\n")
        select (records, newLine);

    [Property(MaxTest = 200)]
    public Property Records_written_by_a_csv_writer_inspect_back_to_their_counts() =>
        Prop.ForAll(RectangularFiles.ToArbitrary(), file =>
        {
            var csv = GeneratedCsv.Write(file.Records, file.NewLine);

            var result = Inspect.TextAsync(csv.Text).GetAwaiter().GetResult();

            return result.RowCount == csv.Rows
                && result.ColumnCount == file.Records[0].Length
                && result.Header.SequenceEqual(file.Records[0])
                && result.RaggedRows == 0;
        });

    [Property(MaxTest = 100)]
    public Property Ragged_records_are_counted_and_the_first_is_located(int readSize) =>
        Prop.ForAll(RaggedFiles.ToArbitrary(), file =>
        {
            var csv = GeneratedCsv.Write(file.Records, file.NewLine);

            var result = Inspect.TextAsync(csv.Text, readSize: Math.Abs(readSize % 16) + 1).GetAwaiter().GetResult();

            return result.RowCount == csv.Rows
                && result.RaggedRows == csv.RaggedRows
                && result.FirstRaggedLine == csv.FirstRaggedLine;
        });

    [Property(MaxTest = 100)]
    public Property Without_a_header_every_written_record_is_a_row() =>
        Prop.ForAll(RectangularFiles.ToArbitrary(), file =>
        {
            var csv = GeneratedCsv.Write(file.Records, file.NewLine);

            var result = Inspect.TextAsync(csv.Text, CsvInspectionOptions.Default with { HasHeader = false }).GetAwaiter().GetResult();

            return result.RowCount == file.Records.Length && result.Header.Count == 0;
        });
}
