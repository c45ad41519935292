using FilePipeline.Core.Ledger;
using FilePipeline.Local.Hosting;
using FilePipeline.Local.Storage;
using FilePipeline.Local.Tests.Hosting;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Tests.Storage;

public sealed class StateDatabaseErrorTests : IDisposable
{
    private readonly PipelineFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void A_full_disk_is_described_as_one_with_what_to_do()
    {
        var database = new LocalDatabase(fixture.StateDirectory);
        using var connection = database.Open();
        LocalDatabase.Execute(connection, "CREATE TABLE filler(x BLOB)");
        // SQLite answers SQLITE_FULL exactly as on a full disk once the file may not grow.
        var pages = (long)new SqliteCommand("PRAGMA page_count", connection).ExecuteScalar()!;
        LocalDatabase.Execute(connection, $"PRAGMA max_page_count={pages}");
        var full = Assert.Throws<SqliteException>(() => LocalDatabase.Execute(connection, "INSERT INTO filler VALUES (zeroblob(1000000))"));

        var text = SqliteErrorText.Describe(full, database.DatabasePath);
        Assert.StartsWith($"the disk holding {database.DatabasePath} is full", text, StringComparison.Ordinal);
        Assert.Contains("Free some space", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_database_is_described_with_what_to_do()
    {
        var database = new LocalDatabase(fixture.StateDirectory);
        using (var writable = database.Open())
        {
            LocalDatabase.Execute(writable, "CREATE TABLE t(x)");
        }

        using var readOnly = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.DatabasePath, Mode = SqliteOpenMode.ReadOnly }.ToString());
        readOnly.Open();
        var error = Assert.Throws<SqliteException>(() => LocalDatabase.Execute(readOnly, "INSERT INTO t VALUES (1)"));

        Assert.Contains("make the state directory writable or choose another with --state-dir", SqliteErrorText.Describe(error, database.DatabasePath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_runner_outlasts_a_lock_held_past_the_busy_timeout_and_then_finishes_the_batch()
    {
        var pipeline = await fixture.OpenAsync(fixture.Options() with { BusyTimeout = TimeSpan.FromMilliseconds(50) });
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", "id\n1\n2\n");
        var runner = new PipelineRunner(pipeline);

        using var blocker = pipeline.Database.Open();
        LocalDatabase.Execute(blocker, "BEGIN IMMEDIATE");
        var run = runner.RunAsync(RunMode.UntilIdle, workers: 1, CancellationToken.None);
        for (var wait = 0; wait < 500 && runner.BusyRounds == 0 && !run.IsCompleted; wait++)
        {
            await Task.Delay(10);
        }

        LocalDatabase.Execute(blocker, "ROLLBACK");
        for (var step = 0; step < 2_000 && !run.IsCompleted; step++)
        {
            fixture.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        await run;
        Assert.True(runner.BusyRounds > 0);
        Assert.Equal(FileStatus.Processed, Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None)).Status);
    }
}
