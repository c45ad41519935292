namespace FilePipeline.Benchmarks;

/// <summary>The checkout the benchmark runs from: the nearest folder above the program holding FilePipeline.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(System.IO.Path.Combine(root, "FilePipeline.sln")))
        {
            root = System.IO.Path.GetDirectoryName(root);
        }

        return root ?? ".";
    }
}
