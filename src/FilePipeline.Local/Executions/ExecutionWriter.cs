using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Local.Storage;
using FilePipeline.States;
using FilePipeline.States.History;
using FilePipeline.States.Store;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Executions;

/// <summary>
/// Appends one execution's events as they happen, then records how it ended. Events are a lazy
/// write: they cost no commit of their own but join the next one, so they are stored before anything
/// the execution does next becomes durable (a task's table write, the completion). A kill loses
/// only the events since the last durable write: the same history as a kill a moment earlier.
/// The events that arrive while one such write waits for its batch ride in it, so a commit stores
/// them with one write instead of one each.
/// </summary>
internal sealed class ExecutionWriter(LocalDatabase database, bool storeEachEvent) : IExecutionWriter
{
    private readonly Lock gate = new();
    private readonly List<Task> writes = [];
    private List<(long EventId, string Json)> unstored = [];
    private Task? storing;
    private long id;

    /// <summary>The stored execution's number, known once its row is written (the writes after it, on the one writer, read it then).</summary>
    public long Id
    {
        get => Volatile.Read(ref id);
        private set => Volatile.Write(ref id, value);
    }

    /// <summary>Stores the execution's row (and its definition's, once per distinct one) as the first write of a new writer.</summary>
    public static async Task<IExecutionWriter> BeginAsync(LocalDatabase database, StoredStateMachine stateMachine, string name, string input, DateTimeOffset startDate, bool storeEachEvent)
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

    /// <summary>Queues the event; the task completes once it is stored.</summary>
    public Task AppendAsync(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        var json = HistorySerializer.ToJson(historyEvent).ToJsonString();
        lock (gate)
        {
            unstored.Add((historyEvent.Id, json));
            if (storing is null)
            {
                storing = database.WriteAsync(InsertUnstored, lazy: !storeEachEvent);
                writes.Add(storing);
            }

            return storing;
        }
    }

    /// <summary>Runs on the one writer: takes every event queued so far, so the next append queues a new write.</summary>
    private int InsertUnstored(SqliteConnection connection, SqliteTransaction transaction)
    {
        List<(long EventId, string Json)> events;
        lock (gate)
        {
            (events, unstored, storing) = (unstored, [], null);
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO execution_events VALUES ($execution, $event, $json)";
        var eventId = command.Parameters.Add("$event", SqliteType.Integer);
        var json = command.Parameters.Add("$json", SqliteType.Text);
        command.Parameters.AddWithValue("$execution", Id);
        foreach (var stored in events)
        {
            (eventId.Value, json.Value) = (stored.EventId, stored.Json);
            command.ExecuteNonQuery();
        }

        return events.Count;
    }

    /// <summary>Keeps a lazy write's task, so the end surfaces its failure.</summary>
    private Task Track(Task write)
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
    public Task FailAsync(string errorName, string cause, DateTimeOffset stopDate) =>
        FinishAsync((connection, transaction) => connection.Run(
            transaction,
            "UPDATE executions SET status = 'FAILED', error = $p1, cause = $p2, stop_date = $p3 WHERE id = $p0",
            Id, errorName, cause, stopDate.ToUnixTimeMilliseconds()));

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

    private static JsonNode? TryParse(string? json)
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
}
