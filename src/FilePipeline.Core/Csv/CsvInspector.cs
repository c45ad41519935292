using CsvHelper;
using FilePipeline.Core.Errors;

namespace FilePipeline.Core.Csv;

/// <summary>
/// Streams a CSV file once, in constant memory: counts records and columns, finds ragged rows,
/// and hashes and counts the bytes in the same pass. Malformed input fails with a contract
/// exception that names the physical line.
/// </summary>
public static class CsvInspector
{
    /// <summary>
    /// The longest record the parser buffers. It bounds memory when a quote is never closed near
    /// the start of a big file; such a record fails as invalid CSV instead.
    /// </summary>
    public const int MaxRecordBytes = 16 * 1024 * 1024;

    /// <summary>Inspects <paramref name="content"/> from its current position to its end; the stream is left open.</summary>
    /// <exception cref="InvalidCsvException">Malformed quoting, or a record longer than <see cref="MaxRecordBytes"/>.</exception>
    /// <exception cref="BinaryFileException">NUL bytes or bytes that are not UTF-8.</exception>
    /// <exception cref="EmptyFileException">No record at all.</exception>
    /// <exception cref="FileTooLargeException">More than <see cref="CsvInspectionOptions.MaxBytes"/> bytes.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static async Task<CsvInspection> InspectAsync(Stream content, CsvInspectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        var readerOptions = ReaderOptions(options);
        await using var inspected = new InspectedStream(content, options.MaxBytes, cancellationToken);
        var reader = CsvReader.Create(inspected, readerOptions, leaveOpen: true);
        await using (reader.ConfigureAwait(false))
        {
            try
            {
                var counts = await CountAsync(reader, options.HasHeader, cancellationToken).ConfigureAwait(false);
                await inspected.DrainAsync().ConfigureAwait(false);
                return counts.ToInspection(inspected.BytesRead, inspected.Checksum);
            }
            catch (CsvFormatException e)
            {
                throw new InvalidCsvException(e.LineNumber, CsvFormatReasons.Describe(e), e);
            }
        }
    }

    private static CsvReaderOptions ReaderOptions(CsvInspectionOptions options)
    {
        if (!char.IsAscii(options.Delimiter) || options.Delimiter is '"' or '\r' or '\n')
        {
            throw new ArgumentException($"The delimiter must be an ASCII character other than a quote, CR or LF, not '{options.Delimiter}'.", nameof(options));
        }

        return CsvReaderOptions.Default with
        {
            Separator = options.Delimiter,
            HasHeader = false, // the first record is read like any other so that it counts columns and lines alike
            Mode = CsvMode.Rfc4180,
            AllowLineBreaksInQuotes = true,
            SkipEmptyLines = true,
            TrimWhitespace = false,
            DetectSeparatorHint = false, // "sep=;" is data here, not an instruction
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            TrackLineNumbers = true,
            MaxRecordSize = MaxRecordBytes,
        };
    }

    private static async Task<RecordCounts> CountAsync(CsvReader reader, bool hasHeader, CancellationToken cancellationToken)
    {
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new EmptyFileException();
        }

        var counts = new RecordCounts(reader.FieldCount);
        if (hasHeader)
        {
            counts.Header = new string[reader.FieldCount];
            for (var i = 0; i < counts.Header.Length; i++)
            {
                counts.Header[i] = reader.GetString(i);
            }
        }
        else
        {
            counts.Add(reader);
        }

        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts.Add(reader);
        }

        return counts;
    }

    private sealed class RecordCounts(int columnCount)
    {
        public string[] Header { get; set; } = [];

        private long _rows;
        private long _raggedRows;
        private long? _firstRaggedLine;

        public void Add(CsvReader reader)
        {
            _rows++;
            if (reader.FieldCount != columnCount)
            {
                _raggedRows++;
                _firstRaggedLine ??= reader.LineNumber;
            }
        }

        public CsvInspection ToInspection(long bytes, string checksum) =>
            new(_rows, columnCount, Header, bytes, checksum, _raggedRows, _firstRaggedLine);
    }
}
