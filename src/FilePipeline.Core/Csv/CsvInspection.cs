namespace FilePipeline.Core.Csv;

/// <summary>What one pass over a CSV file found.</summary>
/// <param name="RowCount">Data records, header excluded; blank lines are not records.</param>
/// <param name="ColumnCount">Fields of the first record (the header, when there is one).</param>
/// <param name="Header">The header's field values; empty for files without a header.</param>
/// <param name="Bytes">Every byte of the content, byte order mark included.</param>
/// <param name="Checksum">Of every byte, algorithm first: <c>xxh128:&lt;32 hex digits&gt;</c>.</param>
/// <param name="RaggedRows">Data records whose field count differs from <paramref name="ColumnCount"/>.</param>
/// <param name="FirstRaggedLine">The 1-based physical line where the first ragged record starts.</param>
public sealed record CsvInspection(
    long RowCount,
    int ColumnCount,
    IReadOnlyList<string> Header,
    long Bytes,
    string Checksum,
    long RaggedRows,
    long? FirstRaggedLine);
