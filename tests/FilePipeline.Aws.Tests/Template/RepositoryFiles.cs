using System.Text.Json.Nodes;

namespace FilePipeline.Aws.Tests.Template;

/// <summary>The deployment files at the repository root, read as the tools read them.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static JsonObject ReadJson(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(PathOf(relativePath)))?.AsObject() ?? throw new InvalidDataException(relativePath + " is not a JSON object.");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FilePipeline.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FilePipeline.sln not found above " + AppContext.BaseDirectory);
    }
}
