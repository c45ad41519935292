namespace FilePipeline.Functions.Tests;

/// <summary>Paths of test data and of the repository's deployable files.</summary>
internal static class TestFiles
{
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string Repository(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FilePipeline.sln")))
            {
                return Path.Combine(directory.FullName, relativePath);
            }
        }

        throw new DirectoryNotFoundException("The repository root (with FilePipeline.sln) is not above the test output.");
    }
}
