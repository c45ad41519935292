using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Storage;

/// <summary>
/// The one SQLite database of a state directory. Every embedded backend (objects, queues, tables,
/// executions) keeps its rows here, so a write that spans two of them (an object and its
/// ObjectCreated event) commits in one transaction.
/// </summary>
public sealed class LocalDatabase
{
    private readonly string connectionString;

    public LocalDatabase(string stateDirectory)
    {
        StateDirectory = Path.GetFullPath(stateDirectory);
        Directory.CreateDirectory(StateDirectory);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(StateDirectory, "filepipeline.db"),
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = Open();
        // WAL lets readers run beside one writer; FULL sync makes a committed transaction survive a crash.
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
    }

    public string StateDirectory { get; }

    /// <summary>Opens a connection; writers wait up to the busy timeout for another process's lock.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, "PRAGMA busy_timeout=30000; PRAGMA foreign_keys=ON;");
        return connection;
    }

    /// <summary>Runs DDL or a statement without results.</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
