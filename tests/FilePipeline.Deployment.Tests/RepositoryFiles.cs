using System.Text.Json.Nodes;
using FilePipeline.Testing;

namespace FilePipeline.Deployment.Tests;

/// <summary>The deployment files at the repository root, read as the tools read them.</summary>
internal static class RepositoryFiles
{
    public static string PathOf(string relativePath) => RepositoryRoot.Combine(relativePath);

    public static JsonObject ReadJson(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(PathOf(relativePath)))?.AsObject() ?? throw new InvalidDataException(relativePath + " is not a JSON object.");
}
