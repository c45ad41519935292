using System.CommandLine;
using FilePipeline.Cli.Operate;
using FilePipeline.Host;
using FilePipeline.Host.Template;

namespace FilePipeline.Cli.Pipeline;

/// <summary>Opens the state directory for a command and turns setup problems into a clear message and exit code 1.</summary>
internal static class PipelineCommand
{
    public delegate Task<int> Body(ParseResult parseResult, LocalPipeline pipeline, TextWriter output, TextWriter error, CancellationToken cancellationToken);

    /// <summary>What a command does with <c>--stack</c>, on the deployed stack.</summary>
    public delegate Task<int> StackBody(ParseResult parseResult, OperatedStack stack, TextWriter output, TextWriter error, CancellationToken cancellationToken);

    /// <summary>An error of the real services behind <c>--backend aws</c> while the pipeline opens.</summary>
    public static bool IsBackendUnavailable(Exception e) => e is Amazon.Runtime.AmazonServiceException or Aws.Protocol.AwsServiceException or HttpRequestException;

    public static string BackendUnavailable(Exception e) =>
        $"error: the AWS backend is not reachable or not set up (--create-resources creates the template's resources): {e.Message}";

    /// <param name="stackBody">The command on a deployed stack (<c>--stack</c>); null refuses it.</param>
    public static void SetAction(Command command, PipelineOptions options, CliEnvironment environment, Body body, StackBody? stackBody = null)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            if (command.Options.Contains(options.Stack) && parseResult.GetValue(options.Stack) is { } stackName)
            {
                return await StackAction.RunAsync(command.Name, stackName, parseResult, options, environment, stackBody, cancellationToken);
            }

            LocalPipeline pipeline;
            try
            {
                pipeline = await LocalPipelines.OpenAsync(options.Resolve(parseResult, environment, options.RunsPipeline), options.Services(parseResult, environment), cancellationToken);
            }
            catch (Exception e) when (e is TemplateException or HostConfigurationException or FormatException or IOException or UnauthorizedAccessException or UsageException)
            {
                await error.WriteLineAsync($"error: {e.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception e) when (IsBackendUnavailable(e))
            {
                await error.WriteLineAsync(BackendUnavailable(e));
                return ExitCodes.Usage;
            }

            using (pipeline)
            {
                try
                {
                    return await body(parseResult, pipeline, output, error, cancellationToken);
                }
                catch (Exception e) when (e is UsageException or FormatException)
                {
                    await error.WriteLineAsync($"error: {e.Message}");
                    return ExitCodes.Usage;
                }
            }
        });
    }
}
