using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Storage;

/// <summary>SQLite's errors in words a user can act on, keyed by SQLite's primary result code.</summary>
public static class SqliteErrorText
{
    /// <summary>SQLITE_BUSY or SQLITE_LOCKED: another connection held the lock past the busy timeout; trying again later may succeed.</summary>
    public static bool IsBusy(SqliteException error) => error is { SqliteErrorCode: var code } && (code & 0xFF) is 5 or 6;

    /// <summary>What went wrong with <paramref name="databasePath"/> and what to do about it.</summary>
    public static string Describe(SqliteException error, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(error);
        var sqlite = $"(SQLite: {error.Message.Replace("SQLite Error ", "error ", StringComparison.Ordinal)})";
        return (error.SqliteErrorCode & 0xFF) switch
        {
            // SQLITE_FULL: the write was rolled back, so nothing committed is lost.
            13 => $"the disk holding {databasePath} is full {sqlite}; the last write was rolled back. Free some space and run the command again.",
            // SQLITE_BUSY, SQLITE_LOCKED: another process held the write lock past the busy timeout.
            5 or 6 => $"{databasePath} stayed locked by another process longer than the busy timeout {sqlite}; let that process finish (or stop it) and run the command again.",
            // SQLITE_NOTADB, SQLITE_CORRUPT: not ours, truncated, or damaged.
            26 or 11 => $"{databasePath} is not a readable FilePipeline database: it is damaged, truncated or another kind of file {sqlite}. Restore it from a backup, or move the state directory away to start a new one (its ledger and queues would be empty).",
            // SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM, SQLITE_AUTH: the directory or file is not writable.
            8 or 14 or 3 or 23 => $"cannot write {databasePath} {sqlite}; make the state directory writable or choose another with --state-dir.",
            // SQLITE_IOERR: the disk failed underneath.
            10 => $"reading or writing {databasePath} failed {sqlite}; check the disk, then run the command again.",
            _ when error.Message.Contains("no such ", StringComparison.Ordinal) =>
                $"{databasePath} does not have the tables this version of FilePipeline expects {sqlite}; it was written by a newer or unknown version. Use that version, or move the state directory away to start a new one.",
            _ => $"the state database {databasePath} failed {sqlite}.",
        };
    }
}
