using System.CommandLine;
using System.Globalization;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Host.EventSources;

namespace FilePipeline.Cli.Commands;

/// <summary>
/// <c>filepipeline run [--until-idle | --watch] [--workers N]</c>: deliver queued S3 events and work
/// messages to the functions. Several runs may share one state directory. Exit 0, 1 on a usage error.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var untilIdle = new Option<bool>("--until-idle") { Description = "Stop when no message is visible or in flight (the default)." };
        var watch = new Option<bool>("--watch") { Description = "Keep polling until Ctrl+C." };
        var workers = new Option<int>("--workers") { Description = "Concurrent pollers of each event source.", DefaultValueFactory = _ => 1 };
        var command = new Command("run", "Run the pipeline: S3 events → ValidateUpload, work queue → ProcessQueue → state machine.") { untilIdle, watch, workers };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: true, offersStack: true);
        PipelineCommand.SetAction(command, options, environment, async (parseResult, pipeline, output, _, cancellationToken) =>
        {
            if (parseResult.GetValue(untilIdle) && parseResult.GetValue(watch))
            {
                throw new UsageException("give --until-idle or --watch, not both.");
            }

            var count = parseResult.GetValue(workers);
            if (count is < 1 or > 64)
            {
                throw new UsageException("--workers must be from 1 to 64.");
            }

            var mode = parseResult.GetValue(watch) ? RunMode.Watch : RunMode.UntilIdle;
            await output.WriteLineAsync($"running ({(mode == RunMode.Watch ? "watching; Ctrl+C to stop" : "until idle")}, {count} worker(s)) on {pipeline.Options.StateDirectory}");
            try
            {
                var time = pipeline.Options.Time;
                await new PipelineRunner(pipeline, inFlight => output.WriteLine(WaitingText(inFlight, time.GetUtcNow()))).RunAsync(mode, count, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await output.WriteLineAsync("stopped; unfinished messages return to their queue after their visibility timeout.");
                return ExitCodes.Success;
            }

            await output.WriteLineAsync("idle: no message visible or in flight.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>"waiting for 1 in-flight message …": after a crash its visibility timeout has to pass before anyone may receive it again.</summary>
    public static string WaitingText(InFlightMessages inFlight, DateTimeOffset now)
    {
        var left = inFlight.NextVisibleAt is { } at && at > now ? at - now : TimeSpan.Zero;
        var when = inFlight.NextVisibleAt is { } next
            ? string.Create(CultureInfo.InvariantCulture, $"; the next becomes visible again in {(int)left.TotalMinutes}m{left.Seconds:00}s, at {next.UtcDateTime:HH:mm:ss} UTC")
            : "";
        return $"waiting for {inFlight.Count} in-flight message(s) — being processed, or received by a run that stopped or crashed, and returning after their visibility timeout{when}";
    }
}
