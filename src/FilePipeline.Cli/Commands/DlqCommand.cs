using System.CommandLine;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Core.Ports;

namespace FilePipeline.Cli.Commands;

/// <summary>
/// <c>filepipeline dlq list [--json] | redrive [--all | &lt;messageId&gt;] | purge</c>: the work queue's
/// dead-letter queue and ValidateUpload's failed-invoke queue (Lambda's records of S3 events that
/// failed every attempt), locally or of a deployed stack (<c>--stack</c>). Exit 0; 1 on a usage
/// error or when the named message is in neither.
/// </summary>
internal static class DlqCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("dlq", "Inspect, redrive or purge the dead-letter queue.");
        command.Subcommands.Add(CreateList(environment));
        command.Subcommands.Add(CreateRedrive(environment));
        command.Subcommands.Add(CreatePurge(environment));
        return command;
    }

    /// <summary>The queues a dlq command works on, and who processes what is redriven.</summary>
    private sealed record ParkedQueues(ILedger Ledger, IDeadLetterQueue DeadLetters, IDeadLetterQueue FailedInvocations, string ProcessedBy);

    private static void SetAction(Command command, CliEnvironment environment, Func<ParseResult, ParkedQueues, TextWriter, CancellationToken, Task<int>> body)
    {
        var options = new PipelineOptions();
        options.AddTo(command, runsPipeline: false, offersStack: true);
        PipelineCommand.SetAction(
            command,
            options,
            environment,
            (parseResult, pipeline, output, _, cancellationToken) =>
                body(parseResult, new ParkedQueues(pipeline.Ledger, pipeline.DeadLetters, pipeline.FailedInvocations, "`filepipeline run` processes them"), output, cancellationToken),
            (parseResult, stack, output, _, cancellationToken) =>
                body(parseResult, new ParkedQueues(stack.Stack.Ledger, stack.Stack.DeadLetters, stack.Stack.FailedInvocations, $"the functions of stack '{stack.Stack.Names.StackName}' process them"), output, cancellationToken));
    }

    private static Command CreateList(CliEnvironment environment)
    {
        var json = new Option<bool>("--json") { Description = "One JSON object per message, one per line." };
        var command = new Command("list", "List parked messages: work messages after maxReceiveCount (the DLQ), and records of S3 events ValidateUpload failed on (the failed-invoke queue).") { json };
        SetAction(command, environment, async (parseResult, queues, output, cancellationToken) =>
        {
            var work = await queues.DeadLetters.ListAsync(cancellationToken);
            var settled = await SettledDeadLetters.FindAsync(queues.Ledger, work, cancellationToken);
            DeadLetterReport.Write(output, work, await queues.FailedInvocations.ListAsync(cancellationToken), settled, parseResult.GetValue(json));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateRedrive(CliEnvironment environment)
    {
        var messageId = new Argument<string?>("messageId") { Description = "The message to move back.", Arity = ArgumentArity.ZeroOrOne };
        var all = new Option<bool>("--all") { Description = "Move every parked message back (on a deployed stack: an SQS message move task)." };
        var command = new Command("redrive", "Move work messages back to the work queue, and invoke ValidateUpload again with each failed invocation's S3 event.") { messageId, all };
        SetAction(command, environment, async (parseResult, queues, output, cancellationToken) =>
        {
            var id = parseResult.GetValue(messageId);
            if (parseResult.GetValue(all) == (id is not null))
            {
                throw new UsageException("give --all or one message id.");
            }

            var parked = await queues.DeadLetters.ListAsync(cancellationToken);
            var settled = await SettledDeadLetters.FindAsync(queues.Ledger, parked.Where(l => id is null || l.MessageId == id), cancellationToken);
            var moved = await queues.DeadLetters.RedriveAsync(id, cancellationToken);
            var reinvoked = id is not null && moved > 0 ? 0 : await queues.FailedInvocations.RedriveAsync(id, cancellationToken);
            if (id is not null && moved + reinvoked == 0)
            {
                throw new UsageException($"no message {id} in the DLQ or the failed-invoke queue (see `filepipeline dlq list`).");
            }

            await output.WriteLineAsync($"moved {moved} message(s) back to the work queue and invoked ValidateUpload again for {reinvoked} failed invocation(s); {queues.ProcessedBy}.");
            if (settled.Count > 0)
            {
                await output.WriteLineAsync($"{settled.Count} of the moved messages are for files the ledger already shows settled; their run ends DUPLICATE and leaves the ledger as it is.");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreatePurge(CliEnvironment environment)
    {
        var command = new Command("purge", "Delete every parked message of both queues.");
        SetAction(command, environment, async (_, queues, output, cancellationToken) =>
        {
            var deleted = await queues.DeadLetters.PurgeAsync(cancellationToken) + await queues.FailedInvocations.PurgeAsync(cancellationToken);
            await output.WriteLineAsync($"deleted {deleted} message(s).");
            return ExitCodes.Success;
        });
        return command;
    }
}
