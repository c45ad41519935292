using System.CommandLine;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Functions.Settings;
using FilePipeline.Host;
using FilePipeline.Host.Faults;
using FilePipeline.Host.Template;

namespace FilePipeline.Cli.Commands;

/// <summary>
/// <c>filepipeline demo [--state-dir DIR] [--samples DIR]</c>: the pipeline's scenarios on a fresh
/// state directory, narrated. Exit 0 when every scenario behaved as expected, 3 otherwise, 1 on a usage error.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var samples = new Option<string?>("--samples") { Description = "Folder with customer-data.csv and malformed.csv (default: the samples shipped with filepipeline)." };
        var command = new Command("demo", "Run the scenarios on a fresh state directory: processed, duplicate, failed into the DLQ, rejected. Exit 0 when all behave as expected, 3 when not, 1 usage error.") { samples };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: true);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                var resolved = options.Resolve(parseResult, environment, runsPipeline: true);
                var stateDirectory = parseResult.GetValue(options.StateDir) is null
                    ? Path.Combine(Path.GetTempPath(), "filepipeline-demo-" + Guid.NewGuid().ToString("N")[..8])
                    : resolved.StateDirectory;
                if (Directory.Exists(stateDirectory) && Directory.EnumerateFileSystemEntries(stateDirectory).Any())
                {
                    throw new UsageException($"{stateDirectory} is not empty; the demo needs a fresh state directory.");
                }

                // The flaky file's SQS retries come after the template's backoff; the demo shortens it to 1 s.
                var quick = resolved.EnvironmentOverrides.ContainsKey(FunctionEnvironment.RetryBackoffSeconds) ? resolved : resolved.WithRetryDelay(1);
                using var pipeline = await LocalPipelines.OpenAsync(
                    quick with { StateDirectory = stateDirectory, Faults = resolved.Faults.Merge(FaultPlan.Parse(DemoScenarios.FlakyFault)) },
                    options.Services(parseResult, environment),
                    cancellationToken);
                var samplesDirectory = parseResult.GetValue(samples) ?? Path.Combine(AppContext.BaseDirectory, "samples");
                return await new DemoScenarios(pipeline, samplesDirectory, output).RunAsync(cancellationToken) ? ExitCodes.Success : ExitCodes.Failed;
            }
            catch (Exception e) when (e is UsageException or TemplateException or HostConfigurationException or FormatException or IOException)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception e) when (PipelineCommand.IsBackendUnavailable(e))
            {
                await error.WriteLineAsync(PipelineCommand.BackendUnavailable(e));
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
