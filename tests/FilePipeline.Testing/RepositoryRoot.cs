namespace FilePipeline.Testing;

/// <summary>The repository checkout the tests run from: the first folder above the test binaries that holds FilePipeline.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The absolute path of a file or folder given relative to the repository root.</summary>
    public static string Combine(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "FilePipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("FilePipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
