using FilePipeline.Local.Storage;
using FilePipeline.States;
using FilePipeline.States.History;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Hosting.Executions;

/// <summary>Appends one execution's events as they happen, then records how it ended.</summary>
public sealed class ExecutionWriter(SqliteConnection connection, long id) : IDisposable
{
    private readonly Lock gate = new();

    public long Id => id;

    public void Append(HistoryEvent historyEvent)
    {
        ArgumentNullException.ThrowIfNull(historyEvent);
        lock (gate)
        {
            connection.Run(null, "INSERT INTO execution_events VALUES ($p0, $p1, $p2)", id, historyEvent.Id, HistorySerializer.ToJson(historyEvent).ToJsonString());
        }
    }

    public void Complete(ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (gate)
        {
            connection.Run(
                null,
                "UPDATE executions SET execution_arn = $p1, status = $p2, output = $p3, outcome = $p4, error = $p5, cause = $p6, stop_date = $p7 WHERE id = $p0",
                id, result.ExecutionArn, result.StatusText, result.Output, ExecutionStore.Text(ExecutionStore.TryParse(result.Output)?["outcome"]), result.Error, result.Cause, result.StopDate.ToUnixTimeMilliseconds());
        }
    }

    /// <summary>The engine refused to run (e.g. input that is not JSON): recorded as a failed execution.</summary>
    public void Fail(string error, string cause, DateTimeOffset stopDate)
    {
        lock (gate)
        {
            connection.Run(null, "UPDATE executions SET status = 'FAILED', error = $p1, cause = $p2, stop_date = $p3 WHERE id = $p0", id, error, cause, stopDate.ToUnixTimeMilliseconds());
        }
    }

    public void Dispose()
    {
        // Pooled connections keep their pragmas: hand it back with the database's FULL sync.
        LocalDatabase.Execute(connection, "PRAGMA synchronous=FULL;");
        connection.Dispose();
    }
}
