using System.Diagnostics;
using System.Text.Json.Nodes;
using FilePipeline.Local.Storage;
using FilePipeline.States.History;
using FilePipeline.States.Store;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Executions;

/// <summary>
/// Every execution and its history in the state directory's database. The row is written when the
/// execution starts and each event as it is recorded, so a process killed mid-execution leaves a
/// visible record, shown ABORTED once its process is gone. Each execution points at the definition it
/// ran (a row of <c>state_machines</c>, one per distinct ARN and definition, like a state machine version).
/// </summary>
public sealed class ExecutionStore : IExecutionStore
{
    private const string Columns = "id, name, execution_arn, file_id, version_id, status, input, output, outcome, error, cause, start_date, stop_date, host_pid, (SELECT arn FROM state_machines WHERE state_machines.id = executions.state_machine)";

    private readonly LocalDatabase database;

    public ExecutionStore(LocalDatabase database)
    {
        this.database = database;
        ExecutionSchema.Create(database);
    }

    /// <summary>
    /// Records a RUNNING execution and returns a writer for its history events. The row is a lazy
    /// write like the events: it is stored with the execution's first durable write (or its end), and
    /// from then on a kill leaves it visible, shown ABORTED.
    /// </summary>
    public Task<IExecutionWriter> BeginAsync(StoredStateMachine stateMachine, string name, string input, DateTimeOffset startDate, bool storeEachEvent = false) =>
        ExecutionWriter.BeginAsync(database, stateMachine, name, input, startDate, storeEachEvent);

    public IReadOnlyList<ExecutionRecord> List(string? fileId = null, int limit = 1000)
    {
        using var connection = database.Open();
        return connection.Query(
            null,
            $"SELECT {Columns} FROM executions WHERE $p0 IS NULL OR file_id = $p0 ORDER BY id DESC LIMIT $p1",
            Read, fileId, limit);
    }

    /// <summary>Finds an execution by its number, name or ARN (the latest when a name repeats).</summary>
    public ExecutionRecord? Find(string idOrNameOrArn)
    {
        ArgumentNullException.ThrowIfNull(idOrNameOrArn);
        using var connection = database.Open();
        var byNumber = long.TryParse(idOrNameOrArn, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : -1;
        return connection.Query(
            null,
            $"SELECT {Columns} FROM executions WHERE id = $p0 OR name = $p1 OR execution_arn = $p1 ORDER BY id = $p0 DESC, id DESC LIMIT 1",
            Read, byNumber, idOrNameOrArn).SingleOrDefault();
    }

    /// <summary>The state machine and definition the execution ran; null for executions stored before definitions were kept.</summary>
    public StoredStateMachine? DescribeStateMachineForExecution(long executionId)
    {
        using var connection = database.Open();
        return connection.Query(
            null,
            "SELECT m.arn, m.name, m.definition FROM executions e JOIN state_machines m ON m.id = e.state_machine WHERE e.id = $p0",
            reader => new StoredStateMachine(reader.GetString(0), reader.GetString(1), reader.GetString(2)),
            executionId).SingleOrDefault();
    }

    public IReadOnlyList<HistoryEvent> History(long executionId)
    {
        using var connection = database.Open();
        return connection.Query(
            null,
            "SELECT event FROM execution_events WHERE execution = $p0 ORDER BY event_id",
            reader => HistorySerializer.FromJson(JsonNode.Parse(reader.GetString(0))!.AsObject()),
            executionId);
    }

    private static ExecutionRecord Read(SqliteDataReader reader)
    {
        var status = reader.GetString(5);
        return new ExecutionRecord
        {
            Id = reader.GetInt64(0),
            Name = reader.GetString(1),
            ExecutionArn = reader.GetNullableString(2),
            FileId = reader.GetNullableString(3),
            VersionId = reader.GetNullableString(4),
            Status = status == "RUNNING" && !IsAlive((int)reader.GetInt64(13)) ? "ABORTED" : status,
            Input = reader.GetString(6),
            Output = reader.GetNullableString(7),
            Outcome = reader.GetNullableString(8),
            Error = reader.GetNullableString(9),
            Cause = reader.GetNullableString(10),
            StartDate = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(11)),
            StopDate = reader.GetNullableInt64(12) is { } stop ? DateTimeOffset.FromUnixTimeMilliseconds(stop) : null,
            StateMachineArn = reader.GetNullableString(14),
        };
    }

    private static bool IsAlive(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
