using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Cli.Tests.Crash;

/// <summary>
/// Drives the built <c>filepipeline</c> binary (filepipeline.dll next to the test assembly) as child
/// processes on one temporary state directory, with short leases and visibility so killed work returns quickly.
/// </summary>
public sealed class PipelineProcess : IDisposable
{
    public const int LeaseSeconds = 2;
    public const int VisibilityTimeoutSeconds = 3;

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), "fp-crash-" + Guid.NewGuid().ToString("N"));

    public string InputDirectory => StateDirectory + "-input";

    /// <summary>Starts a command with output captured; FAULTS (if any) goes into FILEPIPELINE_FAULTS.</summary>
    public RunningCommand Start(string? faults, bool shortVisibility, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "filepipeline.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["FILEPIPELINE_HOME"] = StateDirectory;
        info.Environment["FILEPIPELINE_LEASE_SECONDS"] = LeaseSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["FILEPIPELINE_VISIBILITY_TIMEOUT"] = shortVisibility ? VisibilityTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
        info.Environment["FILEPIPELINE_FAULTS"] = faults ?? "";
        info.Environment["FILEPIPELINE_RETRY_DELAY"] = "";
        return new RunningCommand(Process.Start(info) ?? throw new InvalidOperationException("filepipeline did not start."));
    }

    /// <summary>Runs a command to its end (short visibility, no faults) and returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        using var command = Start(faults: null, shortVisibility: true, args);
        var exit = await command.WaitAsync(CommandTimeout);
        return (exit, command.Output);
    }

    /// <summary>The JSON lines a <c>--json</c> command prints.</summary>
    public async Task<IReadOnlyList<JsonObject>> JsonAsync(params string[] args)
    {
        var (exit, output) = await RunAsync([.. args, "--json"]);
        Assert.True(exit == 0, $"filepipeline {string.Join(' ', args)} exited {exit}: {output}");
        return [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
    }

    public string WriteInput(string name, string content)
    {
        Directory.CreateDirectory(InputDirectory);
        var path = Path.Combine(InputDirectory, name);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Messages still stored in any queue (work, S3 event, dead-letter), read straight from the database.</summary>
    public long StoredMessages()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(StateDirectory, "filepipeline.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM queue_messages";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The process id that ran each stored execution.</summary>
    public IReadOnlyList<long> ExecutionHosts()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(StateDirectory, "filepipeline.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT host_pid FROM executions";
        using var reader = command.ExecuteReader();
        var hosts = new List<long>();
        while (reader.Read())
        {
            hosts.Add(reader.GetInt64(0));
        }

        return hosts;
    }

    public void Dispose()
    {
        foreach (var directory in new[] { StateDirectory, InputDirectory })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}
