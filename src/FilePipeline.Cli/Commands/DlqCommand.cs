using System.CommandLine;
using FilePipeline.Cli.Pipeline;

namespace FilePipeline.Cli.Commands;

/// <summary>
/// <c>filepipeline dlq list [--json] | redrive [--all | &lt;messageId&gt;] | purge</c>: the dead-letter
/// queue. Exit 0; 1 on a usage error or when the named message is not in the DLQ.
/// </summary>
internal static class DlqCommand
{
    public static Command Create() => Create(CliEnvironment.Process);

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("dlq", "Inspect, redrive or purge the dead-letter queue.");
        command.Subcommands.Add(CreateList(environment));
        command.Subcommands.Add(CreateRedrive(environment));
        command.Subcommands.Add(CreatePurge(environment));
        return command;
    }

    private static Command CreateList(CliEnvironment environment)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per message, one per line." };
        var command = new Command("list", "List parked messages: work messages after maxReceiveCount, S3 events ValidateUpload failed on.") { json };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false);
        PipelineCommand.SetAction(command, options, environment, runsPipeline: false, async (parseResult, pipeline, output, _, cancellationToken) =>
        {
            DeadLetterReport.Write(output, await pipeline.DeadLetters.ListAsync(cancellationToken), parseResult.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateRedrive(CliEnvironment environment)
    {
        var messageId = new Argument<string?>("messageId") { Description = "The message to move back.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Move every parked message back." };
        var command = new Command("redrive", "Move parked messages back to the queue they came from; `run` processes them again.") { messageId, all };
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false);
        PipelineCommand.SetAction(command, options, environment, runsPipeline: false, async (parseResult, pipeline, output, _, cancellationToken) =>
        {
            var id = parseResult.GetValue(messageId);
            if (parseResult.GetValue(all) == (id is not null))
            {
                throw new UsageException("give --all or one message id.");
            }

            var moved = await pipeline.DeadLetters.RedriveAsync(id, cancellationToken);
            if (id is not null && moved == 0)
            {
                throw new UsageException($"no message {id} in the DLQ (see `filepipeline dlq list`).");
            }

            await output.WriteLineAsync($"moved {moved} message(s) back to their source queue; `filepipeline run` processes them.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreatePurge(CliEnvironment environment)
    {
        var command = new Command("purge", "Delete every parked message.");
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false);
        PipelineCommand.SetAction(command, options, environment, runsPipeline: false, async (_, pipeline, output, _, cancellationToken) =>
        {
            await output.WriteLineAsync($"deleted {await pipeline.DeadLetters.PurgeAsync(cancellationToken)} message(s).");
            return ExitCodes.Success;
        });
        return command;
    }
}
