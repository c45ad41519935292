using System.Text;
using FilePipeline.Cli.Inspection;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Cli.Tests.Inspection;

public class InspectProgressTests
{
    private static readonly string CustomerData = Path.Combine(AppContext.BaseDirectory, "samples", "customer-data.csv");
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("a,b\n1,2\n");

    [Fact]
    public async Task A_file_that_takes_longer_than_a_second_shows_progress()
    {
        var time = new FakeTimeProvider();
        var progress = new RecordingProgress();
        var gate = new TaskCompletionSource();
        var runner = new InspectRunner(TextWriter.Null, TextWriter.Null, time, progress, _ => new GatedStream(Content, gate.Task));

        var run = runner.RunAsync(new InspectRequest([CustomerData], Json: true, HasHeader: true, ","), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        var (label, total) = await progress.Shown.Task.WaitAsync(TimeSpan.FromSeconds(30));
        gate.SetResult();

        Assert.Equal(0, await run);
        Assert.Equal("customer-data.csv", label);
        Assert.Equal(Content.Length, total);
    }

    [Fact]
    public async Task A_file_done_within_a_second_shows_no_progress()
    {
        var time = new FakeTimeProvider();
        var progress = new RecordingProgress();
        var gate = new TaskCompletionSource();
        var runner = new InspectRunner(TextWriter.Null, TextWriter.Null, time, progress, _ => new GatedStream(Content, gate.Task));

        var run = runner.RunAsync(new InspectRequest([CustomerData], Json: true, HasHeader: true, ","), CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(999));
        gate.SetResult();

        Assert.Equal(0, await run);
        Assert.False(progress.Shown.Task.IsCompleted);
    }

    private sealed class RecordingProgress : IProgressDisplay
    {
        public TaskCompletionSource<(string Label, long Total)> Shown { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task ShowAsync(string label, long totalBytes, Func<long> position, Task completion)
        {
            Shown.TrySetResult((label, totalBytes));
            return completion;
        }
    }

    /// <summary>Holds every read until the test opens the gate, like a slow download.</summary>
    private sealed class GatedStream(byte[] bytes, Task gate) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await gate.WaitAsync(cancellationToken);
            return await base.ReadAsync(buffer, cancellationToken);
        }
    }
}
