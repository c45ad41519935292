using FilePipeline.Local.Storage;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Tests.Storage;

public sealed class StateDatabaseErrorTests : IDisposable
{
    private readonly EmbeddedTestBed fixture = new();

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
}
