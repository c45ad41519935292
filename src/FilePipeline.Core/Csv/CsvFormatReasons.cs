using CsvHelper;

namespace FilePipeline.Core.Csv;

/// <summary>Turns CsvHelper's malformed-input messages into the bare reason our errors carry.</summary>
internal static class CsvFormatReasons
{
    // CsvHelper says "Malformed CSV in record 3: a quoted field that is never closed (byte offset 17)."
    // The line is ours to report and the record number means nothing to a person, so keep the middle.
    public static string Describe(CsvFormatException exception)
    {
        var message = exception.Message.TrimEnd('.');
        var start = message.IndexOf(": ", StringComparison.Ordinal);
        var reason = start < 0 ? message : message[(start + 2)..];
        var offset = reason.LastIndexOf(" (byte offset", StringComparison.Ordinal);
        return offset < 0 ? reason : reason[..offset];
    }
}
