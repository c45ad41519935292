using System.Text.Json.Serialization;

namespace FilePipeline.Functions.Payloads;

/// <summary>What InspectFile returns to the state machine (architecture.md §3).</summary>
/// <param name="RowCount">Data rows, header excluded.</param>
/// <param name="Header">The leading header names within <see cref="HeaderPreview.ByteBudget"/>; all of them unless <paramref name="HeaderTruncated"/>.</param>
/// <param name="Checksum">The content checksum, prefixed with its algorithm.</param>
/// <param name="RaggedRows">Rows whose field count differs from the header's.</param>
/// <param name="FirstRaggedLine">The 1-based line of the first ragged row; written as null when there is none, so the state machine's JSONPath always finds it.</param>
public sealed record InspectFileResult(
    [property: JsonPropertyName("rowCount")] long RowCount,
    [property: JsonPropertyName("columnCount")] int ColumnCount,
    [property: JsonPropertyName("header")] IReadOnlyList<string> Header,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("checksum")] string Checksum,
    [property: JsonPropertyName("raggedRows")] long RaggedRows,
    [property: JsonPropertyName("firstRaggedLine"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? FirstRaggedLine,
    [property: JsonPropertyName("headerTruncated")] bool HeaderTruncated);
