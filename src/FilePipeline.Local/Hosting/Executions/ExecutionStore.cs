using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Local.Storage;
using FilePipeline.States;
using FilePipeline.States.History;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Hosting.Executions;

/// <summary>
/// Every execution and its history in the state directory's database. The row is written when the
/// execution starts and each event as it is recorded, so a process killed mid-execution leaves a
/// visible record, shown ABORTED once its process is gone. Each execution points at the definition it
/// ran (a row of <c>state_machines</c>, one per distinct ARN and definition, like a state machine version).
/// </summary>
public sealed class ExecutionStore
{
    private const string Columns = "id, name, execution_arn, file_id, version_id, status, input, output, outcome, error, cause, start_date, stop_date, host_pid, (SELECT arn FROM state_machines WHERE state_machines.id = executions.state_machine)";

    private readonly LocalDatabase database;

    public ExecutionStore(LocalDatabase database)
    {
        this.database = database;
        using var connection = database.Open();
        LocalDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS state_machines(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                arn TEXT NOT NULL,
                name TEXT NOT NULL,
                definition TEXT NOT NULL,
                UNIQUE(arn, definition));
            CREATE TABLE IF NOT EXISTS executions(
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL,
                execution_arn TEXT NULL,
                file_id TEXT NULL,
                version_id TEXT NULL,
                status TEXT NOT NULL,
                input TEXT NOT NULL,
                output TEXT NULL,
                outcome TEXT NULL,
                error TEXT NULL,
                cause TEXT NULL,
                start_date INTEGER NOT NULL,
                stop_date INTEGER NULL,
                host_pid INTEGER NOT NULL,
                state_machine INTEGER NULL REFERENCES state_machines(id));
            CREATE INDEX IF NOT EXISTS executions_file ON executions(file_id, id);
            CREATE INDEX IF NOT EXISTS executions_name ON executions(name);
            CREATE TABLE IF NOT EXISTS execution_events(
                execution INTEGER NOT NULL REFERENCES executions(id),
                event_id INTEGER NOT NULL,
                event TEXT NOT NULL,
                PRIMARY KEY(execution, event_id));
            """);
        // State directories written before executions knew their definition: add the column, their rows stay without one.
        if ((long)connection.Scalar(null, "SELECT COUNT(*) FROM pragma_table_info('executions') WHERE name = 'state_machine'")! == 0)
        {
            LocalDatabase.Execute(connection, "ALTER TABLE executions ADD COLUMN state_machine INTEGER NULL REFERENCES state_machines(id)");
        }
    }

    /// <summary>
    /// Records a RUNNING execution and returns a writer for its history events. The row is a lazy
    /// write like the events: it is stored with the execution's first durable write (or its end), and
    /// from then on a kill leaves it visible, shown ABORTED.
    /// </summary>
    /// <param name="storeEachEvent">Commit the row and every event before the call returns, for an observer that may end the process.</param>
    public async Task<ExecutionWriter> BeginAsync(StoredStateMachine stateMachine, string name, string input, DateTimeOffset startDate, bool storeEachEvent = false)
    {
        ArgumentNullException.ThrowIfNull(stateMachine);
        var node = TryParse(input);
        var writer = new ExecutionWriter(database, storeEachEvent);
        var begun = writer.Track(database.WriteAsync(
            (connection, transaction) =>
            {
                var machine = (long)connection.Scalar(
                    transaction,
                    "INSERT INTO state_machines(arn, name, definition) VALUES ($p0, $p1, $p2) ON CONFLICT(arn, definition) DO UPDATE SET name = excluded.name RETURNING id",
                    stateMachine.StateMachineArn, stateMachine.Name, stateMachine.Definition)!;
                writer.Id = (long)connection.Scalar(
                    transaction,
                    "INSERT INTO executions(name, file_id, version_id, status, input, start_date, host_pid, state_machine) VALUES ($p0, $p1, $p2, 'RUNNING', $p3, $p4, $p5, $p6) RETURNING id",
                    name, Text(node?["fileId"]), Text(node?["versionId"]), input, startDate.ToUnixTimeMilliseconds(), Environment.ProcessId, machine)!;
                return 1;
            },
            lazy: !storeEachEvent));
        if (storeEachEvent)
        {
            await begun.ConfigureAwait(false);
        }

        return writer;
    }

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

    internal static JsonNode? TryParse(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>
    /// Appends one execution's events as they happen, then records how it ended. An event is a lazy
    /// write: it costs no commit of its own but joins the next one, so it is stored before anything
    /// the execution does next becomes durable (a task's table write, the completion). A kill loses
    /// only the events since the last durable write: the same history as a kill a moment earlier.
    /// </summary>
    public sealed class ExecutionWriter(LocalDatabase database, bool storeEachEvent)
    {
        private readonly Lock gate = new();
        private readonly List<Task> writes = [];
        private long id;

        /// <summary>The stored execution's number, known once its row is written (the writes after it, on the one writer, read it then).</summary>
        public long Id
        {
            get => Volatile.Read(ref id);
            internal set => Volatile.Write(ref id, value);
        }

        /// <summary>Queues the event; the task completes once it is stored.</summary>
        public Task AppendAsync(HistoryEvent historyEvent)
        {
            ArgumentNullException.ThrowIfNull(historyEvent);
            var json = HistorySerializer.ToJson(historyEvent).ToJsonString();
            return Track(database.WriteAsync(
                (connection, transaction) => connection.Run(transaction, "INSERT INTO execution_events VALUES ($p0, $p1, $p2)", Id, historyEvent.Id, json),
                lazy: !storeEachEvent));
        }

        /// <summary>Keeps a lazy write's task, so the end surfaces its failure.</summary>
        internal Task Track(Task write)
        {
            lock (gate)
            {
                writes.Add(write);
            }

            return write;
        }

        public Task CompleteAsync(ExecutionResult result)
        {
            ArgumentNullException.ThrowIfNull(result);
            return FinishAsync((connection, transaction) => connection.Run(
                transaction,
                "UPDATE executions SET execution_arn = $p1, status = $p2, output = $p3, outcome = $p4, error = $p5, cause = $p6, stop_date = $p7 WHERE id = $p0",
                Id, result.ExecutionArn, result.StatusText, result.Output, Text(TryParse(result.Output)?["outcome"]), result.Error, result.Cause, result.StopDate.ToUnixTimeMilliseconds()));
        }

        /// <summary>The engine refused to run (e.g. input that is not JSON): recorded as a failed execution.</summary>
        public Task FailAsync(string error, string cause, DateTimeOffset stopDate) =>
            FinishAsync((connection, transaction) => connection.Run(
                transaction,
                "UPDATE executions SET status = 'FAILED', error = $p1, cause = $p2, stop_date = $p3 WHERE id = $p0",
                Id, error, cause, stopDate.ToUnixTimeMilliseconds()));

        /// <summary>Records the end durably, then surfaces any event that failed to store.</summary>
        private async Task FinishAsync(Func<SqliteConnection, SqliteTransaction, int> update)
        {
            await database.WriteAsync(update).ConfigureAwait(false);
            Task[] pending;
            lock (gate)
            {
                pending = [.. writes];
            }

            await Task.WhenAll(pending).ConfigureAwait(false);
        }
    }
}
