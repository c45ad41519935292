using System.Text;
using System.Text.Json;
using FilePipeline.Core.Csv;

namespace FilePipeline.Cli.Inspection;

/// <summary>One JSON object per file, one per line (JSON Lines), in a fixed property order.</summary>
internal sealed class JsonInspectionReport(TextWriter output) : IInspectionReport
{
    public Task WriteAsync(string file, CsvInspection inspection, TimeSpan elapsed) => WriteLineAsync(json =>
    {
        json.WriteString("file", file);
        json.WriteNumber("rowCount", inspection.RowCount);
        json.WriteNumber("columnCount", inspection.ColumnCount);
        json.WriteStartArray("header");
        foreach (var name in inspection.Header)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteNumber("bytes", inspection.Bytes);
        json.WriteString("checksum", inspection.Checksum);
        json.WriteNumber("raggedRows", inspection.RaggedRows);
        WriteNullableNumber(json, "firstRaggedLine", inspection.FirstRaggedLine);
    });

    public Task WriteAsync(string file, InspectionFailure failure) => WriteLineAsync(json =>
    {
        json.WriteString("file", file);
        json.WriteString("error", failure.Error);
        WriteNullableNumber(json, "line", failure.Line);
        json.WriteString("reason", failure.Reason);
    });

    private Task WriteLineAsync(Action<Utf8JsonWriter> writeProperties)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            writeProperties(json);
            json.WriteEndObject();
        }

        return output.WriteLineAsync(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    private static void WriteNullableNumber(Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
