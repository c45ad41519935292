using System.CommandLine;
using System.CommandLine.Invocation;
using FilePipeline.Core.Errors;
using FilePipeline.Local.Storage;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Cli.Pipeline;

/// <summary>
/// Wraps a command's action so that a state directory that cannot be used (a SQLite error at any
/// point, or one found while opening) ends the command with a message and exit code 4, never a stack trace.
/// </summary>
internal sealed class StateErrorGuard(CommandLineAction inner) : AsynchronousCommandLineAction
{
    /// <summary>Guards <paramref name="command"/>'s action and those of all its subcommands.</summary>
    public static void Apply(Command command)
    {
        if (command.Action is AsynchronousCommandLineAction or SynchronousCommandLineAction)
        {
            command.Action = new StateErrorGuard(command.Action);
        }

        foreach (var subcommand in command.Subcommands)
        {
            Apply(subcommand);
        }
    }

    public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        string message;
        try
        {
            return inner switch
            {
                AsynchronousCommandLineAction action => await action.InvokeAsync(parseResult, cancellationToken),
                SynchronousCommandLineAction action => action.Invoke(parseResult),
                _ => throw new InvalidOperationException($"Unknown action type {inner.GetType().Name}"),
            };
        }
        catch (StateDirectoryException e)
        {
            message = e.Message;
        }
        catch (IOException e) when (IsDiskFull(e))
        {
            message = $"the disk is full ({e.Message}); the unfinished write was discarded. Free some space and run the command again.";
        }
        catch (SqliteException e)
        {
            message = SqliteErrorText.Describe(e, $"the state directory's {LocalDatabase.FileName}");
        }

        SqliteConnection.ClearAllPools();
        await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {message}");
        return ExitCodes.StateDirectory;
    }

    /// <summary>ENOSPC (28) on Unix, ERROR_HANDLE_DISK_FULL (39) or ERROR_DISK_FULL (112) on Windows.</summary>
    private static bool IsDiskFull(IOException e) => (e.HResult & 0xFFFF) is 28 or 39 or 112;
}
