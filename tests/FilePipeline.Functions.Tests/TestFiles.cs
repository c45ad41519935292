using FilePipeline.Testing;

namespace FilePipeline.Functions.Tests;

/// <summary>Paths of test data and of the repository's deployable files.</summary>
internal static class TestFiles
{
    public static string Data(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    public static string Repository(string relativePath) => RepositoryRoot.Combine(relativePath);
}
