using FilePipeline.Core.Ports;

namespace FilePipeline.Functions;

/// <summary>
/// The work queue kept refusing some messages, so the upload event must be retried as a whole
/// (its async invoke retries, then parks it in the failure destination) rather than lost.
/// </summary>
public sealed class QueueSendException(IReadOnlyList<SendFailure> failures)
    : Exception($"The queue refused {failures.Count} message(s): {string.Join("; ", failures.Select(f => $"{f.Id}: {f.Code} {f.Message}"))}.")
{
    public IReadOnlyList<SendFailure> Failures { get; } = failures;
}
