using Spectre.Console;

namespace FilePipeline.Cli.Inspection;

/// <summary>A terminal progress bar, cleared when the file is done so the results stay tidy.</summary>
internal sealed class SpectreProgressDisplay : IProgressDisplay
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    public Task ShowAsync(string label, long totalBytes, Func<long> position, Task completion) =>
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(label), maxValue: Math.Max(1, totalBytes));
                while (!completion.IsCompleted)
                {
                    task.Value = position();
                    await Task.WhenAny(completion, Task.Delay(RefreshInterval)).ConfigureAwait(false);
                }

                task.Value = task.MaxValue;
            });
}
