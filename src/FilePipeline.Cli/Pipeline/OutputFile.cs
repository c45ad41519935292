namespace FilePipeline.Cli.Pipeline;

/// <summary>Writes a report file the user named, turning the ways that fails into a usage error in our words.</summary>
internal static class OutputFile
{
    /// <exception cref="UsageException">The path is a directory, its folder is missing, or it cannot be written.</exception>
    public static async Task WriteAllTextAsync(string path, string text, CancellationToken cancellationToken)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"cannot write {path}: it is a directory; give a file name.");
        }

        try
        {
            await File.WriteAllTextAsync(path, text, cancellationToken);
        }
        catch (DirectoryNotFoundException)
        {
            throw new UsageException($"cannot write {path}: the folder {Path.GetDirectoryName(Path.GetFullPath(path))} does not exist.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write {path}: {e.Message}");
        }
    }
}
