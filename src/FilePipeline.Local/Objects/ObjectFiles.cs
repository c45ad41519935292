using FilePipeline.Local.Storage;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Objects;

/// <summary>
/// The <c>objects/</c> tree: one file per version, named by its version id only (never by the
/// key), under a fan-out folder of its last two characters; uploads in progress live in <c>objects/tmp/</c>.
/// </summary>
internal sealed class ObjectFiles
{
    private const string TempExtension = ".tmp";

    private readonly string root;
    private readonly string tempFolder;

    public ObjectFiles(string stateDirectory)
    {
        root = Path.Combine(stateDirectory, "objects");
        tempFolder = Path.Combine(root, "tmp");
        Directory.CreateDirectory(tempFolder);
    }

    public string TempPath(string versionId) => Path.Combine(tempFolder, versionId + TempExtension);

    /// <summary>The fan-out folder is the id's last two hex digits: version ids start with a timestamp, so their ends are the random part.</summary>
    public string PathOf(string versionId) => Path.Combine(root, versionId[^2..], versionId);

    /// <summary>
    /// Opens a new temp file exclusively: .NET takes an advisory lock for FileShare.None, which
    /// tells <see cref="RemoveOrphans"/> in any process that the upload is still alive.
    /// </summary>
    public FileStream CreateTemp(string versionId) =>
        new(TempPath(versionId), FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);

    /// <summary>Moves a finished temp file to its final name; the caller holds the database write lock.</summary>
    public string Publish(string versionId)
    {
        var path = PathOf(versionId);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Move(TempPath(versionId), path);
        return path;
    }

    /// <summary>
    /// Deletes what a crash left behind: temp files no live upload holds, and published files
    /// whose version row never committed. Runs under the write lock so no put is between its
    /// rename and its commit meanwhile.
    /// </summary>
    public void RemoveOrphans(SqliteConnection connection)
    {
        foreach (var temp in Directory.EnumerateFiles(tempFolder, "*" + TempExtension))
        {
            TryDeleteUnlockedTemp(temp);
        }

        using var transaction = connection.BeginWrite();
        var committed = connection.Query(transaction, "SELECT version_id FROM object_versions", reader => reader.GetString(0)).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root).Where(folder => folder != tempFolder))
        {
            foreach (var file in Directory.EnumerateFiles(folder).Where(file => !committed.Contains(Path.GetFileName(file))))
            {
                File.Delete(file);
            }
        }

        transaction.Commit();
    }

    private static void TryDeleteUnlockedTemp(string path)
    {
        try
        {
            using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            File.Delete(path);
        }
        catch (IOException)
        {
            // A live upload holds it (or it vanished meanwhile): not an orphan.
        }
    }
}
