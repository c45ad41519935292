using System.Globalization;
using FilePipeline.Core.Csv;

namespace FilePipeline.Cli.Inspection;

/// <summary>A block per file for people to read.</summary>
internal sealed class TextInspectionReport(TextWriter output) : IInspectionReport
{
    public Task WriteAsync(string file, CsvInspection inspection, TimeSpan elapsed)
    {
        var ragged = inspection.FirstRaggedLine is { } line
            ? $"{inspection.RaggedRows} (first at line {line})"
            : "0";
        return output.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"""
            {file}
              rows         {inspection.RowCount}
              columns      {inspection.ColumnCount}
              bytes        {inspection.Bytes}
              checksum     {inspection.Checksum}
              ragged rows  {ragged}
              elapsed      {Elapsed(elapsed)} ({Throughput(inspection.Bytes, elapsed)})


            """));
    }

    public Task WriteAsync(string file, InspectionFailure failure)
    {
        var where = failure.Line is { } line ? $" at line {line}" : "";
        return output.WriteAsync($"""
            {file}
              invalid      {failure.Error}{where}: {failure.Reason}


            """);
    }

    private static string Elapsed(TimeSpan elapsed) => elapsed.TotalSeconds >= 1
        ? elapsed.TotalSeconds.ToString("0.00 s", CultureInfo.InvariantCulture)
        : elapsed.TotalMilliseconds.ToString("0.0 ms", CultureInfo.InvariantCulture);

    private static string Throughput(long bytes, TimeSpan elapsed) => elapsed > TimeSpan.Zero
        ? (bytes / (1024.0 * 1024.0) / elapsed.TotalSeconds).ToString("0.0 MB/s", CultureInfo.InvariantCulture)
        : "too fast to time";
}
