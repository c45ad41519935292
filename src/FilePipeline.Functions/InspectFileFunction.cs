using FilePipeline.Annotations;
using FilePipeline.Core.Csv;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;
using FilePipeline.Functions.Payloads;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;

namespace FilePipeline.Functions;

/// <summary>
/// The state machine's InspectFile task: streams the pinned object version through the CSV
/// inspection and returns its counts. Contract exceptions propagate with their type names, which the
/// state machine's Retry and Catch match (architecture.md §3, §6).
/// </summary>
public sealed class InspectFileFunction(IObjectStore objects, FunctionSettings settings, TimeProvider time)
{
    /// <exception cref="PermanentFileException">The file cannot be processed (invalid, empty, binary, too large, gone, changed).</exception>
    /// <exception cref="StorageUnavailableException">The object store failed transiently.</exception>
    /// <exception cref="DeadlineExceededException">The invocation was about to time out.</exception>
    [LambdaFunction(ResourceName = "InspectFileFunction", Timeout = 55, MemorySize = 1024, Role = "@InspectFileRole")]
    public async Task<InspectFileResult> InspectFile(ExecutionInput input, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var file = input.ToFileRef();
        var log = context.Logger.WithField(LogFields.FileId, file.FileId).WithField(LogFields.MessageId, input.MessageId);
        if (input.Claim is { } claim)
        {
            log = log.WithField(LogFields.ExecutionId, claim.ExecutionId);
        }

        var options = CsvInspectionOptions.Default with { MaxBytes = settings.UploadRules.MaxSizeBytes };
        using var deadline = InvocationDeadline.CreateTokenSource(context, settings.DeadlineMargin, time);
        try
        {
            await using var stored = await objects.OpenReadAsync(file, deadline.Token);
            var inspection = await CsvInspector.InspectAsync(stored.Content, options, deadline.Token);
            log.LogInformation($"Inspected {inspection.Bytes} bytes: {inspection.RowCount} rows, {inspection.ColumnCount} columns, {inspection.RaggedRows} ragged.");
            var (header, headerTruncated) = HeaderPreview.Of(inspection.Header);
            return new InspectFileResult(
                inspection.RowCount,
                inspection.ColumnCount,
                header,
                inspection.Bytes,
                inspection.Checksum,
                inspection.RaggedRows,
                inspection.FirstRaggedLine,
                headerTruncated);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested)
        {
            throw new DeadlineExceededException(settings.DeadlineMargin, e);
        }
        catch (PipelineException e)
        {
            log.Log(e.IsPermanent ? LogLevel.Warning : LogLevel.Error, e, $"Inspection failed: {e.Message}");
            throw;
        }
    }
}
