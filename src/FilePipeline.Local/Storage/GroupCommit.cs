using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Storage;

/// <summary>
/// Group commit for one process's writes. Every write waiting at the moment runs in one
/// BEGIN IMMEDIATE transaction, each inside its own savepoint (a write that throws undoes only
/// itself), and the batch commits once: one fsync under <c>synchronous=FULL</c> instead of one per
/// write. Callers resume only after their batch is durable, failures included (a failure may
/// depend on a batch-mate's write). No timer: while one batch commits, the next one gathers.
/// </summary>
internal sealed class GroupCommit(LocalDatabase database)
{
    /// <summary>Bounds one transaction, so a flood of writers still gets released in steady steps.</summary>
    private const int MaxBatch = 256;

    private readonly Lock gate = new();
    private readonly Queue<IPendingWrite> pending = new();
    private bool draining;
    private long commits;

    /// <summary>Transactions committed so far (what a batch saves shows against the writes).</summary>
    public long Commits => Interlocked.Read(ref commits);

    /// <summary>
    /// Queues <paramref name="work"/> for the next batch; completes once that batch has committed (or failed).
    /// A <paramref name="lazy"/> write starts no batch of its own: it waits for the next write that
    /// does, and commits with it (or before it), so it is durable whenever anything written after it is.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, bool lazy = false)
    {
        var write = new PendingWrite<T>(work);
        lock (gate)
        {
            pending.Enqueue(write);
            if (draining || lazy)
            {
                return write.Task;
            }

            draining = true;
        }

        ThreadPool.UnsafeQueueUserWorkItem(_ => Drain(), null);
        return write.Task;
    }

    private void Drain()
    {
        var batch = new List<IPendingWrite>();
        while (true)
        {
            lock (gate)
            {
                while (batch.Count < MaxBatch && pending.TryDequeue(out var write))
                {
                    batch.Add(write);
                }

                if (batch.Count == 0)
                {
                    draining = false;
                    return;
                }
            }

            Commit(batch);
            batch.Clear();
        }
    }

    private void Commit(List<IPendingWrite> batch)
    {
        try
        {
            using var connection = database.Open();
            using var transaction = connection.BeginWrite();
            foreach (var write in batch)
            {
                RunInSavepoint(transaction, write);
            }

            transaction.Commit();
            Interlocked.Increment(ref commits);
        }
#pragma warning disable CA1031 // Whatever ended the transaction (busy, disk full, I/O) is every caller's error: none of their writes committed.
        catch (Exception e)
#pragma warning restore CA1031
        {
            foreach (var write in batch)
            {
                write.Abandon(e);
            }
        }

        foreach (var write in batch)
        {
            write.Release();
        }
    }

    private static void RunInSavepoint(SqliteTransaction transaction, IPendingWrite write)
    {
        transaction.Save("write");
        try
        {
            write.Run(transaction.Connection!, transaction);
        }
#pragma warning disable CA1031 // The write's own error goes to its caller; its batch-mates carry on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            write.Abandon(e);
            if (!TryRollBack(transaction))
            {
                // SQLite already rolled the whole transaction back (disk full, I/O): the batch fails with this write's error.
                ExceptionDispatchInfo.Throw(e);
            }
        }

        transaction.Release("write");
    }

    private static bool TryRollBack(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback("write");
            return true;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private interface IPendingWrite
    {
        void Run(SqliteConnection connection, SqliteTransaction transaction);

        /// <summary>Records the error the caller will see; the first one wins.</summary>
        void Abandon(Exception error);

        /// <summary>Hands the caller its result or error; called after the batch's commit.</summary>
        void Release();
    }

    private sealed class PendingWrite<T>(Func<SqliteConnection, SqliteTransaction, T> work) : IPendingWrite
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;
        private Exception? error;

        public Task<T> Task => completion.Task;

        public void Run(SqliteConnection connection, SqliteTransaction transaction) => result = work(connection, transaction);

        public void Abandon(Exception error) => this.error ??= error;

        public void Release()
        {
            if (error is null)
            {
                completion.SetResult(result!);
            }
            else
            {
                completion.SetException(error);
            }
        }
    }
}
