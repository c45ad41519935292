using System.Xml.Linq;
using FilePipeline.Testing;

namespace FilePipeline.Architecture.Tests;

/// <summary>Every project of the repository with the projects and packages its .csproj references, read from the files themselves.</summary>
internal sealed class ProjectGraph
{
    private ProjectGraph(IReadOnlyDictionary<string, ProjectNode> projects) => Projects = projects;

    public IReadOnlyDictionary<string, ProjectNode> Projects { get; }

    public static ProjectGraph Load()
    {
        var files = new[] { "src", "tests", "bench" }
            .Select(RepositoryRoot.Combine)
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.csproj", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var projects = files.Select(Read).ToDictionary(project => project.Name, StringComparer.Ordinal);
        return new ProjectGraph(projects);
    }

    /// <summary>The projects of ours that <paramref name="name"/> reaches through project references, itself excluded.</summary>
    public IReadOnlySet<string> Reachable(string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(Projects[name].ProjectReferences);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next) && Projects.TryGetValue(next, out var node))
            {
                foreach (var reference in node.ProjectReferences)
                {
                    pending.Push(reference);
                }
            }
        }

        return seen;
    }

    private static ProjectNode Read(string file)
    {
        var document = XDocument.Load(file);
        var items = document.Descendants().Where(element => element.Attribute("Include") is not null).ToList();
        var projects = items
            .Where(element => element.Name.LocalName == "ProjectReference")
            .Select(element => Path.GetFileNameWithoutExtension(element.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToHashSet(StringComparer.Ordinal);
        var packages = items
            .Where(element => element.Name.LocalName == "PackageReference")
            .Select(element => element.Attribute("Include")!.Value)
            .ToHashSet(StringComparer.Ordinal);
        var folder = Path.GetRelativePath(RepositoryRoot.Path, Path.GetDirectoryName(file)!).Split(Path.DirectorySeparatorChar)[0];
        return new ProjectNode(Path.GetFileNameWithoutExtension(file), folder, projects, packages);
    }
}
