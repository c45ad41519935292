using FilePipeline.Core.Csv;
using FilePipeline.Core.Errors;
using FilePipeline.Cli.Pipeline;

namespace FilePipeline.Cli.Inspection;

/// <summary>
/// Runs <c>inspect</c> over files: checks the arguments, inspects each file in turn and prints
/// the results. Exit codes: 0 all valid, 2 any invalid, 1 usage error (message on stderr).
/// </summary>
/// <param name="openFile">Opens a file for reading; tests substitute slow streams.</param>
internal sealed class InspectRunner(
    TextWriter output,
    TextWriter error,
    TimeProvider time,
    IProgressDisplay? progress,
    Func<string, Stream>? openFile = null)
{
    public const int AllValid = 0;
    public const int UsageError = 1;
    public const int SomeInvalid = 2;

    private static readonly TimeSpan ProgressAfter = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync(InspectRequest request, CancellationToken cancellationToken)
    {
        if (!DelimiterParser.TryParse(request.Delimiter, out var delimiter, out var delimiterProblem))
        {
            await error.WriteLineAsync($"filepipeline inspect: {delimiterProblem}").ConfigureAwait(false);
            return UsageError;
        }

        var unreadable = request.Files.Select(file => InputFile.ProblemWith(file)).OfType<string>().ToList();
        if (unreadable.Count > 0)
        {
            foreach (var problem in unreadable)
            {
                await error.WriteLineAsync($"filepipeline inspect: {problem}").ConfigureAwait(false);
            }

            return UsageError;
        }

        var options = CsvInspectionOptions.Default with { Delimiter = delimiter, HasHeader = request.HasHeader };
        IInspectionReport report = request.Json ? new JsonInspectionReport(output) : new TextInspectionReport(output);
        var exitCode = AllValid;
        foreach (var file in request.Files)
        {
            var started = time.GetTimestamp();
            try
            {
                var inspection = await InspectFileAsync(file, options, cancellationToken).ConfigureAwait(false);
                await report.WriteAsync(file, inspection, time.GetElapsedTime(started)).ConfigureAwait(false);
            }
            catch (PermanentFileException invalid)
            {
                await report.WriteAsync(file, InspectionFailure.From(invalid)).ConfigureAwait(false);
                exitCode = SomeInvalid;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"filepipeline inspect: cannot read '{file}': {e.Message}").ConfigureAwait(false);
                return UsageError;
            }
        }

        return exitCode;
    }

    private async Task<CsvInspection> InspectFileAsync(string file, CsvInspectionOptions options, CancellationToken cancellationToken)
    {
        var stream = (openFile ?? OpenForSequentialRead)(file);
        await using (stream.ConfigureAwait(false))
        {
            // Run on the pool: a local file completes synchronously, which would leave no moment to show progress.
            var inspection = Task.Run(() => CsvInspector.InspectAsync(stream, options, cancellationToken), cancellationToken);
            if (progress is not null)
            {
                await ShowProgressIfSlowAsync(Path.GetFileName(file), stream, inspection, cancellationToken).ConfigureAwait(false);
            }

            return await inspection.ConfigureAwait(false);
        }
    }

    private static FileStream OpenForSequentialRead(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    private async Task ShowProgressIfSlowAsync(string label, Stream stream, Task inspection, CancellationToken cancellationToken)
    {
        var threshold = Task.Delay(ProgressAfter, time, cancellationToken);
        if (await Task.WhenAny(inspection, threshold).ConfigureAwait(false) == threshold && !inspection.IsCompleted)
        {
            await progress!.ShowAsync(label, stream.Length, () => stream.Position, inspection).ConfigureAwait(false);
        }
    }
}
