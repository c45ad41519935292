using System.Collections.Concurrent;
using FilePipeline.Core.Ports;

namespace FilePipeline.Functions.Tests.Fakes;

/// <summary>Records each ChangeMessageVisibility; <see cref="Failure"/>, when set, is thrown instead.</summary>
internal sealed class FakeMessageVisibility : IMessageVisibility
{
    public ConcurrentDictionary<string, int> Changes { get; } = new(StringComparer.Ordinal);

    public Exception? Failure { get; set; }

    public Task ChangeVisibilityAsync(string receiptHandle, int seconds, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        Changes[receiptHandle] = seconds;
        return Task.CompletedTask;
    }
}
