using FilePipeline.Local.Objects;
using FilePipeline.Local.Queues;
using FilePipeline.Local.Storage;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Local.Tests;

/// <summary>A fresh state directory with the embedded backends on it and a fake clock; deleted on dispose.</summary>
internal sealed class EmbeddedTestBed : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly bool ownsDirectory;

    public EmbeddedTestBed()
        : this(Path.Combine(Path.GetTempPath(), "filepipeline-tests", Guid.NewGuid().ToString("N")), new FakeTimeProvider(Start), ownsDirectory: true)
    {
    }

    private EmbeddedTestBed(string stateDirectory, FakeTimeProvider time, bool ownsDirectory)
    {
        this.ownsDirectory = ownsDirectory;
        StateDirectory = stateDirectory;
        Time = time;
        Database = new LocalDatabase(stateDirectory);
        Queues = new EmbeddedQueues(Database, time);
    }

    public string StateDirectory { get; }

    public FakeTimeProvider Time { get; }

    public LocalDatabase Database { get; }

    public EmbeddedQueues Queues { get; }

    public string ObjectsDirectory => Path.Combine(StateDirectory, "objects");

    /// <summary>Opens the object store (which also cleans up after a crash, as at process start).</summary>
    public EmbeddedObjectStore OpenObjectStore() => new(Database, Queues, Time);

    /// <summary>A second, independent opening of the same state directory, as another process (or a restart) would make.</summary>
    public EmbeddedTestBed Reopen() => new(StateDirectory, Time, ownsDirectory: false);

    public void Dispose()
    {
        if (ownsDirectory && Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
