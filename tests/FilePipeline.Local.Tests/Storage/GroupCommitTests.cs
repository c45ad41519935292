using FilePipeline.Local.Storage;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Tests.Storage;

public sealed class GroupCommitTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly EmbeddedTestBed fixture = new();
    private readonly LocalDatabase database;
    private readonly ManualResetEventSlim writerBusy = new();
    private readonly ManualResetEventSlim letWriterGo = new();

    public GroupCommitTests()
    {
        database = new LocalDatabase(fixture.StateDirectory);
        using var connection = database.Open();
        LocalDatabase.Execute(connection, "CREATE TABLE t(x INTEGER PRIMARY KEY)");
    }

    public void Dispose()
    {
        letWriterGo.Set();
        writerBusy.Dispose();
        letWriterGo.Dispose();
        fixture.Dispose();
    }

    [Fact]
    public async Task Writes_that_arrive_while_a_batch_commits_share_the_next_commit()
    {
        var first = HoldTheWriter(0);
        var waiting = Enumerable.Range(1, 20).Select(Insert).ToList();

        letWriterGo.Set();
        await first;
        await Task.WhenAll(waiting);

        Assert.Equal(2, database.GroupCommits);
        Assert.Equal(Enumerable.Range(0, 21).Select(i => (long)i), Rows());
    }

    [Fact]
    public async Task A_caller_is_released_only_once_its_write_is_committed()
    {
        var first = HoldTheWriter(0);
        var second = Insert(1);

        Assert.False(first.IsCompleted);
        Assert.False(second.IsCompleted);
        Assert.Empty(Rows()); // the batch's transaction is still open: nothing is visible, nothing acknowledged
        letWriterGo.Set();
        await Task.WhenAll(first, second);
        Assert.Equal([0L, 1L], Rows());
    }

    [Fact]
    public async Task A_failing_write_is_undone_alone_and_its_batch_mates_commit()
    {
        var first = HoldTheWriter(0);
        var before = Insert(1);
        var failing = database.WriteAsync<int>((connection, transaction) =>
        {
            Insert(connection, transaction, 2);
            throw new InvalidOperationException("this write fails after its insert");
        });
        var after = Insert(3);

        letWriterGo.Set();
        await Task.WhenAll(first, before, after);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);

        Assert.Equal("this write fails after its insert", error.Message);
        Assert.Equal([0L, 1L, 3L], Rows());
        Assert.Equal(2, database.GroupCommits);
    }

    [Fact]
    public async Task When_the_commit_itself_fails_every_write_of_the_batch_fails_and_none_is_stored()
    {
        using (var connection = database.Open())
        {
            LocalDatabase.Execute(connection, "CREATE TABLE child(x INTEGER REFERENCES t(x) DEFERRABLE INITIALLY DEFERRED)");
        }

        var first = HoldTheWriter(0);
        var fine = Insert(1); // waits for the next batch, with the dangling one
        // A deferred foreign key is checked at COMMIT: this write succeeds in its savepoint and fails the whole transaction.
        var dangling = database.WriteAsync((connection, transaction) => connection.Run(transaction, "INSERT INTO child VALUES (99)"));

        letWriterGo.Set();
        await first; // the batch that held the writer, alone
        await Assert.ThrowsAsync<SqliteException>(() => fine);
        await Assert.ThrowsAsync<SqliteException>(() => dangling);
        Assert.Equal([0L], Rows());
    }

    [Fact]
    public async Task A_lazy_write_waits_for_the_next_write_that_is_not_and_commits_with_it()
    {
        var lazy = database.WriteAsync((connection, transaction) => Insert(connection, transaction, 1), lazy: true);

        Assert.False(lazy.IsCompleted);
        Assert.Empty(Rows());
        Assert.Equal(0, database.GroupCommits);

        await Insert(2);
        await lazy;
        Assert.Equal([1L, 2L], Rows());
        Assert.Equal(1, database.GroupCommits);
    }

    /// <summary>A write that blocks the writer inside its batch until the test lets it go.</summary>
    private Task<int> HoldTheWriter(long x)
    {
        var write = database.WriteAsync((connection, transaction) =>
        {
            Insert(connection, transaction, x);
            writerBusy.Set();
            Assert.True(letWriterGo.Wait(Patience));
            return 1;
        });
        Assert.True(writerBusy.Wait(Patience));
        return write;
    }

    private Task<int> Insert(int x) => database.WriteAsync((connection, transaction) => Insert(connection, transaction, x));

    private static int Insert(SqliteConnection connection, SqliteTransaction transaction, long x) =>
        connection.Run(transaction, "INSERT INTO t VALUES ($p0)", x);

    private List<long> Rows()
    {
        using var connection = database.Open();
        return connection.Query(null, "SELECT x FROM t ORDER BY x", reader => reader.GetInt64(0));
    }
}
