using FilePipeline.Core.Errors;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Storage;

/// <summary>
/// The one SQLite database of a state directory. Every embedded backend (objects, queues, tables,
/// executions) keeps its rows here, so a write that spans two of them (an object and its
/// ObjectCreated event) commits in one transaction.
/// </summary>
public sealed class LocalDatabase
{
    public const string FileName = "filepipeline.db";

    /// <summary>How long a writer waits for another process's lock before SQLite reports the database busy.</summary>
    public static readonly TimeSpan DefaultBusyTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Tables of every FilePipeline version so far: a database with none of them is not ours.</summary>
    private static readonly string[] KnownTables =
        ["queues", "queue_messages", "buckets", "object_versions", "dynamodb_tables", "dynamodb_items", "state_machines", "executions", "execution_events"];

    /// <summary>Each connection's page cache, as PRAGMA cache_size takes it (negative: KiB).</summary>
    private const int PageCacheKibibytes = -256;

    private readonly string connectionString;
    private readonly int busyTimeoutMilliseconds;
    private readonly GroupCommit groupCommit;

    /// <exception cref="StateDirectoryException">The directory cannot be created or written, or its database is not a usable FilePipeline database.</exception>
    public LocalDatabase(string stateDirectory, TimeSpan? busyTimeout = null)
    {
        StateDirectory = Path.GetFullPath(stateDirectory);
        DatabasePath = Path.Combine(StateDirectory, FileName);
        busyTimeoutMilliseconds = (int)(busyTimeout ?? DefaultBusyTimeout).TotalMilliseconds;
        CreateDirectory(StateDirectory);
        groupCommit = new GroupCommit(this);
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Pooling = true,
            DefaultTimeout = Math.Max(1, busyTimeoutMilliseconds / 1000),
        }.ToString();
        try
        {
            using var connection = Open();
            // WAL lets readers run beside one writer; FULL sync makes a committed transaction survive a crash.
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
            RefuseForeignOrLostDatabase(connection);
        }
        catch (SqliteException e)
        {
            SqliteConnection.ClearAllPools();
            throw new StateDirectoryException(SqliteErrorText.Describe(e, DatabasePath), e);
        }
    }

    public string StateDirectory { get; }

    public string DatabasePath { get; }

    /// <summary>
    /// Opens a connection; writers wait up to the busy timeout for another process's lock. Each
    /// pooled connection keeps a small page cache: the pool grows to the number of concurrent
    /// operations, and every commit by another connection empties a cache anyway (WAL), so
    /// SQLite's default 2 MB each only made the process grow with the database.
    /// </summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA foreign_keys=ON; PRAGMA cache_size={PageCacheKibibytes};");
        return connection;
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a write transaction shared with the other writes of this
    /// process that wait at the same time (<see cref="GroupCommit"/>); completes once it is durable.
    /// <paramref name="work"/> must not wait for another write: it runs on the one writer. A
    /// <paramref name="lazy"/> write waits for the next write that is not, and commits with it.
    /// </summary>
    internal Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, bool lazy = false) => groupCommit.WriteAsync(work, lazy);

    /// <summary>Transactions this instance's group commit has committed (each one fsync, what a benchmark counts per file).</summary>
    public long GroupCommits => groupCommit.Commits;

    /// <summary>Runs DDL or a statement without results.</summary>
    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void CreateDirectory(string directory)
    {
        if (File.Exists(directory))
        {
            throw new StateDirectoryException($"the state directory {directory} is a file, not a directory; give --state-dir a directory (it is created when missing).");
        }

        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateDirectoryException($"cannot create the state directory {directory} ({e.Message}); choose a writable place with --state-dir.", e);
        }
    }

    /// <summary>
    /// A database with tables but none of ours belongs to something else; one without our tables
    /// beside stored objects has lost its ledger. Either way, starting afresh on it would be wrong
    /// (a fresh ledger processes every stored file again), so the user decides.
    /// </summary>
    private void RefuseForeignOrLostDatabase(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var tables = new List<string>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        if (tables.Intersect(KnownTables, StringComparer.Ordinal).Any())
        {
            return;
        }

        if (tables.Count > 0)
        {
            throw new StateDirectoryException($"{DatabasePath} is a SQLite database of something else (tables: {string.Join(", ", tables.Take(5))}), not FilePipeline's; choose another --state-dir.");
        }

        if (HasStoredObjects())
        {
            throw new StateDirectoryException($"{DatabasePath} has no FilePipeline tables, yet {Path.Combine(StateDirectory, "objects")} holds uploaded objects: the database was deleted or replaced. Starting a new ledger here would process every file again; restore {FileName} from a backup, or move the state directory away to start afresh.");
        }
    }

    private bool HasStoredObjects()
    {
        var objects = Path.Combine(StateDirectory, "objects");
        return Directory.Exists(objects)
            && Directory.EnumerateDirectories(objects).Any(folder => Path.GetFileName(folder) != "tmp" && Directory.EnumerateFiles(folder).Any());
    }
}
