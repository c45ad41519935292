namespace FilePipeline.Core.Csv;

/// <summary>How <see cref="CsvInspector"/> reads a file.</summary>
public sealed record CsvInspectionOptions
{
    /// <summary>The field separator; an ASCII character other than the quote, CR and LF.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Whether the first record is a header (excluded from the row count).</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>When set, a file with more bytes fails with <see cref="Errors.FileTooLargeException"/>.</summary>
    public long? MaxBytes { get; init; }

    /// <summary>Comma-separated with a header, no size limit.</summary>
    public static CsvInspectionOptions Default { get; } = new();
}
