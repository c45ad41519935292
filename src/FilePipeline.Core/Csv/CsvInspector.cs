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
    public const int MaxRecordBytes = 2 * 1024 * 1024;

    // The parser's buffer grows to about twice the record limit; the lines of everything in it
    // must still be countable, with room to spare.
    private const int RetainedBytes = 3 * MaxRecordBytes;

    /// <summary>
    /// Whether the source is read and checked on a second thread, in batches ahead of the parser,
    /// instead of on the parser's thread before it reads: on an idle 2-core machine that is 0.83 x
    /// CsvHelper's bare loop by elapsed time against 0.58 x, for about a third more CPU (docs/inspect.md).
    /// </summary>
    internal static readonly bool ChecksAheadByDefault = Environment.ProcessorCount >= 2;

    /// <summary>Inspects <paramref name="content"/> from its current position to its end; the stream is left open.</summary>
    /// <exception cref="InvalidCsvException">Malformed quoting, or a record longer than <see cref="MaxRecordBytes"/>.</exception>
    /// <exception cref="BinaryFileException">NUL bytes, or bytes that are not UTF-8 anywhere in the file (the same rule <see cref="Uploads.UploadRules.CheckPrefix"/> sniffs the first bytes with).</exception>
    /// <exception cref="EmptyFileException">No record at all.</exception>
    /// <exception cref="FileTooLargeException">More than <see cref="CsvInspectionOptions.MaxBytes"/> bytes.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public static Task<CsvInspection> InspectAsync(Stream content, CsvInspectionOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);
        return InspectAsync(content, options, ChecksAheadByDefault, cancellationToken);
    }

    /// <summary><see cref="InspectAsync(Stream, CsvInspectionOptions, CancellationToken)"/> with the checks on the parser's thread or a buffer ahead on another; the benchmarks and tests run both.</summary>
    internal static Task<CsvInspection> InspectAsync(Stream content, CsvInspectionOptions options, bool checksAhead, CancellationToken cancellationToken)
    {
        var readerOptions = ReaderOptions(options);

        // CsvHelper's synchronous record loop is markedly faster than its asynchronous one, so the
        // whole pass runs synchronously, on a thread of its own since it blocks on the source.
        return Task.Factory.StartNew(
            () => Inspect(content, readerOptions, options, checksAhead, cancellationToken),
            cancellationToken,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
    }

    private static CsvInspection Inspect(Stream content, CsvReaderOptions readerOptions, CsvInspectionOptions options, bool checksAhead, CancellationToken cancellationToken)
    {
        using var inspected = new InspectedStream(content, (byte)options.Delimiter, options.MaxBytes, RetainedBytes, checksAhead, cancellationToken);
        using var reader = CsvReader.Create(inspected, readerOptions, leaveOpen: true);
        var counter = new RecordCounter(reader, inspected, options.HasHeader);
        try
        {
            counter.ReadAll();
        }
        catch (CsvFormatException format)
        {
            // With quoting checked before the parser, what it still rejects is a record too long to buffer.
            throw new InvalidCsvException(inspected.LineAt(format.ByteOffset), CsvFormatReasons.Describe(format), format);
        }

        var checksum = inspected.Complete();
        return counter.ToInspection(inspected.BytesRead, checksum);
    }

    /// <summary>The parser's options for an inspection; the benchmarks time the bare parser with them too.</summary>
    internal static CsvReaderOptions ReaderOptions(CsvInspectionOptions options)
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
            MalformedData = CsvMalformedDataHandling.Recover, // the checks reject bad quoting before the parser sees it: detection here costs ~15%
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            TrackLineNumbers = false, // lines are counted by the checks, off the parser's thread
            MaxRecordSize = MaxRecordBytes,
        };
    }

    /// <summary>Reads every record once, counting rows and ragged rows and locating the first ragged one.</summary>
    private sealed class RecordCounter(CsvReader reader, InspectedStream inspected, bool hasHeader)
    {
        private string[] header = [];
        private int columns;
        private long rows;
        private long raggedRows;
        private long? firstRaggedLine;

        public void ReadAll()
        {
            if (!reader.Read())
            {
                throw new EmptyFileException();
            }

            this.columns = reader.FieldCount;
            if (hasHeader)
            {
                header = new string[this.columns];
                for (var i = 0; i < this.columns; i++)
                {
                    header[i] = reader.GetString(i);
                }
            }
            else
            {
                this.rows++;
            }

            while (reader.Read())
            {
                this.rows++;
                if (reader.FieldCount != this.columns)
                {
                    raggedRows++;
                    firstRaggedLine ??= inspected.LineAt(reader.ByteOffset);
                }
            }
        }

        public CsvInspection ToInspection(long bytes, string checksum) =>
            new(this.rows, this.columns, header, bytes, checksum, raggedRows, firstRaggedLine);
    }
}
