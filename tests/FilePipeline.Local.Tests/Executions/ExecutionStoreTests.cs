using FilePipeline.Local.Executions;
using FilePipeline.Local.Storage;
using FilePipeline.States;
using FilePipeline.States.History;
using FilePipeline.States.Store;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Tests.Executions;

public sealed class ExecutionStoreTests : IDisposable
{
    private const string Arn = "arn:aws:states:us-east-1:123456789012:stateMachine:m";
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "fp-store-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task Each_execution_describes_the_definition_it_ran_verbatim_even_when_the_machine_changes_later()
    {
        var store = new ExecutionStore(new LocalDatabase(directory));
        const string First = """{ "StartAt": "A", "States": { "A": { "Type": "Pass", "End": true } } }""";
        const string Second = """{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}""";

        var ids = new List<long>();
        foreach (var (definition, i) in new[] { First, First, Second }.Select((definition, i) => (definition, i)))
        {
            ids.Add((await store.BeginAsync(new StoredStateMachine(Arn, "m", definition), $"run-{i}", "{}", Start, storeEachEvent: true)).Id);
        }

        Assert.Equal([First, First, Second], ids.Select(id => store.DescribeStateMachineForExecution(id)!.Definition));
        Assert.Equal(Arn, store.DescribeStateMachineForExecution(ids[2])!.StateMachineArn);
        Assert.All(store.List(), e => Assert.Equal(Arn, e.StateMachineArn));
        Assert.Equal(2L, Count("SELECT COUNT(*) FROM state_machines"));
    }

    [Fact]
    public async Task Events_appended_without_waiting_share_writes_and_are_all_stored_in_order_by_the_end()
    {
        var store = new ExecutionStore(new LocalDatabase(directory));
        var writer = await store.BeginAsync(new StoredStateMachine(Arn, "m", "{}"), "run", "{}", Start);
        var types = new[] { "ExecutionStarted", "PassStateEntered", "PassStateExited", "SucceedStateEntered", "SucceedStateExited" };

        // Lazy writes: none of these can complete before the end's commit, so they all wait at once.
        var appended = types.Select((type, i) => writer.AppendAsync(new HistoryEvent { Id = i + 1, PreviousEventId = i, Timestamp = Start, Type = type })).ToList();
        await writer.CompleteAsync(new ExecutionResult
        {
            ExecutionArn = Arn.Replace("stateMachine", "execution", StringComparison.Ordinal) + ":run",
            Name = "run",
            StartDate = Start,
            StopDate = Start,
            Status = ExecutionStatus.Succeeded,
            Output = "{}",
            History = [],
        });

        Assert.All(appended, task => Assert.True(task.IsCompletedSuccessfully));
        _ = Assert.Single(appended.Distinct()); // one write carried them all
        Assert.Equal(types, store.History(writer.Id).Select(e => e.Type));
        Assert.Equal("SUCCEEDED", Assert.Single(store.List()).Status);
    }

    [Fact]
    public void A_database_from_before_definitions_were_kept_gains_the_column_and_its_old_executions_describe_none()
    {
        using (var connection = new LocalDatabase(directory).Open())
        {
            LocalDatabase.Execute(connection, """
                CREATE TABLE executions(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, execution_arn TEXT NULL, file_id TEXT NULL,
                    version_id TEXT NULL, status TEXT NOT NULL, input TEXT NOT NULL, output TEXT NULL, outcome TEXT NULL, error TEXT NULL,
                    cause TEXT NULL, start_date INTEGER NOT NULL, stop_date INTEGER NULL, host_pid INTEGER NOT NULL);
                INSERT INTO executions(name, status, input, start_date, host_pid) VALUES ('old', 'SUCCEEDED', '{}', 0, 1);
                """);
        }

        var store = new ExecutionStore(new LocalDatabase(directory));

        var old = Assert.Single(store.List());
        Assert.Null(old.StateMachineArn);
        Assert.Null(store.DescribeStateMachineForExecution(old.Id));
    }

    private long Count(string sql)
    {
        using var connection = new LocalDatabase(directory).Open();
        return (long)connection.Scalar(null, sql)!;
    }
}
