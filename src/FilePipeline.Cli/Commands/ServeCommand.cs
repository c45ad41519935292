using System.CommandLine;
using System.Net;
using FilePipeline.Cli.Executions;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Executions.Rendering;
using FilePipeline.Serve;

namespace FilePipeline.Cli.Commands;

/// <summary>
/// <c>filepipeline serve [--port N] [--address IP] [--workers N] [--no-pipeline]</c>: the pipeline's S3, DynamoDB, SQS, Step
/// Functions and CloudWatch Logs APIs and the browser console on localhost while the pipeline runs (docs/serve.md).
/// Exit 0 when stopped, 1 on a usage error.
/// </summary>
internal static class ServeCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var port = new Option<int>("--port") { Description = "The port to listen on.", DefaultValueFactory = _ => ServeOptions.DefaultPort };
        var address = new Option<string>("--address") { Description = "The address to bind; anything but loopback exposes the endpoints to the network.", DefaultValueFactory = _ => "127.0.0.1" };
        var workers = new Option<int>("--workers") { Description = "Concurrent pollers of each event source running the pipeline.", DefaultValueFactory = _ => 2 };
        var noPipeline = new Option<bool>("--no-pipeline") { Description = "Serve the APIs only: another host runs the functions (e.g. a pipeline command with --backend aws pointed at serve)." };
        var command = new Command("serve", "Serve the stack's AWS APIs (S3, DynamoDB, SQS, Step Functions, CloudWatch Logs) and a browser console on localhost, and run the pipeline.") { port, address, workers, noPipeline };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: true, offersBackend: false);
        PipelineCommand.SetAction(command, options, environment, async (parseResult, pipeline, output, error, cancellationToken) =>
        {
            if (!IPAddress.TryParse(parseResult.GetValue(address), out var ip))
            {
                throw new UsageException($"--address '{parseResult.GetValue(address)}' is not an IP address.");
            }

            if (parseResult.GetValue(port) is < 0 or > 65_535 || parseResult.GetValue(workers) is < 1 or > 64)
            {
                throw new UsageException("--port must be from 0 to 65535 and --workers from 1 to 64.");
            }

            if (!IPAddress.IsLoopback(ip))
            {
                await error.WriteLineAsync($"warning: serving on {ip}: anyone who can reach this address and knows the credentials can read and write the pipeline's data.");
            }

            var serveOptions = new ServeOptions
            {
                Address = ip,
                Port = parseResult.GetValue(port),
                Workers = parseResult.GetValue(workers),
                RunPipeline = !parseResult.GetValue(noPipeline),
                AccessKeyId = environment.Variables(ServeOptions.AccessKeyIdVariable) is { Length: > 0 } key ? key : ServeOptions.DefaultAccessKeyId,
                SecretAccessKey = environment.Variables(ServeOptions.SecretAccessKeyVariable) is { Length: > 0 } secret ? secret : ServeOptions.DefaultSecretAccessKey,
                RenderExecution = execution => ExecutionHtmlReport.Render(StoredExecutionView.Read(pipeline, execution)),
            };
            ServeHost host;
            try
            {
                host = await ServeHost.StartAsync(pipeline, serveOptions, error, cancellationToken);
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"error: cannot listen on {ip}:{serveOptions.Port}: {e.Message}");
                return ExitCodes.Usage;
            }

            await using (host)
            {
                await output.WriteLineAsync($"serving {pipeline.BucketName} (S3), {pipeline.Template.Table.Name} (DynamoDB), {pipeline.Template.WorkQueue.Name} (SQS), {pipeline.Template.StateMachine.Name} (Step Functions), logs (CloudWatch Logs) and the console at {host.Endpoint} on {pipeline.Options.StateDirectory}; Ctrl+C to stop");
                await host.WaitForShutdownAsync(cancellationToken);
                await output.WriteLineAsync("stopping: requests in flight finish; a message being processed returns to its queue after its visibility timeout.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
