using System.Text;
using FilePipeline.Core.Csv;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FilePipeline.Core.Tests.Csv;

public class ChecksAheadTests
{
    // Files of several buffers (128 KiB each), so that the checks really run ahead of the parser:
    // repeated CSV rows with quotes, line breaks and UTF-8, sometimes with one byte spoilt.
    private static readonly Gen<(string Rows, int Repeats, int? FaultAt, byte Fault)> Files =
        from rows in Gen.Elements(
            "id,name,city\n1,plain,Oslo\n",
            "id,name,city\r\n1,\"quoted, with \"\"comma\"\"\",Zürich\r\n2,\"two\nlines\",名古屋\r\n",
            "a,b\n1,2\n3,4,5\n")
        from repeats in Gen.Choose(5_000, 40_000)
        from faulty in Gen.Elements(true, false)
        from faultAt in Gen.Choose(0, 1_000_000)
        from fault in Gen.Elements<byte>(0, (byte)'"', 0xFF, (byte)',')
        select (rows, repeats, faulty ? faultAt : (int?)null, fault);

    [Property(MaxTest = 20)]
    public Property Checking_ahead_on_a_second_thread_finds_what_checking_on_the_parsers_thread_finds() =>
        Prop.ForAll(Files.ToArbitrary(), file =>
        {
            var bytes = Encoding.UTF8.GetBytes(new StringBuilder().Insert(0, file.Rows, file.Repeats).ToString());
            if (file.FaultAt is { } at)
            {
                bytes[at % bytes.Length] = file.Fault;
            }

            return Outcome(bytes, checksAhead: true) == Outcome(bytes, checksAhead: false);
        });

    private static string Outcome(byte[] bytes, bool checksAhead)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            var result = CsvInspector.InspectAsync(stream, CsvInspectionOptions.Default, checksAhead, CancellationToken.None).GetAwaiter().GetResult();
            return $"{result.RowCount} {result.ColumnCount} {string.Join('|', result.Header)} {result.Bytes} {result.Checksum} {result.RaggedRows} {result.FirstRaggedLine}";
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            return $"{failure.GetType().Name}: {failure.Message}";
        }
    }
}
