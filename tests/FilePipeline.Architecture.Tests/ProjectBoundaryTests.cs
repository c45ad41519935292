namespace FilePipeline.Architecture.Tests;

/// <summary>
/// The arrows docs/architecture.md §4 allows between projects, checked against every .csproj in the
/// repository: a reference that crosses a boundary fails here before it becomes a habit.
/// </summary>
public sealed class ProjectBoundaryTests
{
    private static readonly ProjectGraph Graph = ProjectGraph.Load();

    private static IEnumerable<ProjectNode> Sources => Graph.Projects.Values.Where(project => project.Folder == "src");

    /// <summary>§4's forbidden arrows whose source project is in the tree (Host, Serve and Executions arrive with their issues).</summary>
    public static TheoryData<string, string> ForbiddenArrows
    {
        get
        {
            (string From, string Forbidden)[] arrows =
            [
                ("FilePipeline.Aws", "FilePipeline.Local"),
                ("FilePipeline.Aws", "FilePipeline.Host"),
                ("FilePipeline.Local", "FilePipeline.Aws"),
                ("FilePipeline.Local", "FilePipeline.Host"),
                ("FilePipeline.Host", "FilePipeline.Aws"),
                ("FilePipeline.Host", "FilePipeline.Local"),
                ("FilePipeline.Serve", "FilePipeline.Aws"),
                ("FilePipeline.Lambda", "FilePipeline.Local"),
                ("FilePipeline.Core", "FilePipeline.Functions"),
            ];
            var data = new TheoryData<string, string>();
            foreach (var (from, forbidden) in arrows.Where(arrow => Graph.Projects.ContainsKey(arrow.From)))
            {
                data.Add(from, forbidden);
            }

            return data;
        }
    }

    /// <summary>Those of the space-separated <paramref name="names"/> that are in the tree: §4 also names projects that later issues create.</summary>
    public static TheoryData<string> Present(string names) => [.. names.Split(' ').Where(Graph.Projects.ContainsKey)];

    public static TheoryData<string> SourceProjects => [.. Sources.Select(project => project.Name).Order(StringComparer.Ordinal)];

    [Fact]
    public void The_graph_holds_the_projects_the_rules_are_about()
    {
        // A graph read from the wrong folder would make every rule below pass vacuously.
        Assert.Contains("FilePipeline.Core", Graph.Projects.Keys);
        Assert.Contains("FilePipeline.States", Graph.Projects.Keys);
        Assert.Contains("FilePipeline.Cli", Graph.Projects.Keys);
        Assert.Contains("FilePipeline.Core", Graph.Reachable("FilePipeline.Cli"));
    }

    [Fact]
    public void No_project_reaches_itself_through_its_references()
    {
        var cycles = Graph.Projects.Keys.Where(name => Graph.Reachable(name).Contains(name)).Order(StringComparer.Ordinal).ToList();

        Assert.Empty(cycles);
    }

    [Fact]
    public void Every_project_reference_points_at_a_project_in_the_repository()
    {
        var dangling = Graph.Projects.Values
            .SelectMany(project => project.ProjectReferences.Where(reference => !Graph.Projects.ContainsKey(reference)).Select(reference => $"{project.Name} -> {reference}"))
            .ToList();

        Assert.Empty(dangling);
    }

    [Theory]
    [MemberData(nameof(Present), "FilePipeline.Core FilePipeline.States FilePipeline.Executions FilePipeline.Functions FilePipeline.Local FilePipeline.Host")]
    public void Projects_that_are_not_the_AWS_backend_reference_no_AWS_package(string name)
    {
        var awsPackages = Graph.Reachable(name).Append(name)
            .SelectMany(reached => Graph.Projects[reached].PackageReferences)
            .Where(package => package.StartsWith("AWSSDK.", StringComparison.Ordinal))
            .ToList();

        Assert.True(awsPackages.Count == 0, $"{name} reaches AWS packages: {string.Join(", ", awsPackages)}");
    }

    [Theory]
    [MemberData(nameof(Present), "FilePipeline.States FilePipeline.Executions FilePipeline.Annotations FilePipeline.Annotations.SourceGenerator")]
    public void Self_contained_libraries_reference_nothing_of_ours(string name)
    {
        Assert.Empty(Graph.Projects[name].ProjectReferences);
    }

    [Fact]
    public void Functions_depend_on_the_ports_and_the_attributes_only()
    {
        var allowed = new[] { "FilePipeline.Core", "FilePipeline.Annotations", "FilePipeline.Annotations.SourceGenerator" };

        Assert.Empty(Graph.Projects["FilePipeline.Functions"].ProjectReferences.Except(allowed));
    }

    [Theory]
    [MemberData(nameof(Present), "FilePipeline.Host")]
    public void The_host_reaches_Core_Functions_and_States_and_never_a_backend(string name)
    {
        var allowed = new[] { "FilePipeline.Core", "FilePipeline.Functions", "FilePipeline.States", "FilePipeline.Annotations", "FilePipeline.Annotations.SourceGenerator" };

        Assert.Empty(Graph.Reachable(name).Except(allowed));
    }

    [Theory]
    [MemberData(nameof(ForbiddenArrows))]
    public void A_project_never_reaches_the_one_its_boundary_forbids(string from, string forbidden)
    {
        Assert.DoesNotContain(forbidden, Graph.Reachable(from));
    }

    /// <remarks>A part of an area (FilePipeline.Annotations.SourceGenerator) may be tested by its area's test project, which must reference it.</remarks>
    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Every_source_project_has_its_own_test_project(string name)
    {
        var testedBy = Graph.Projects.Values.Where(project => project.Name == $"{name}.Tests"
            || (project.Name.EndsWith(".Tests", StringComparison.Ordinal)
                && name.StartsWith(project.Name[..^".Tests".Length] + ".", StringComparison.Ordinal)
                && project.ProjectReferences.Contains(name)));

        Assert.NotEmpty(testedBy);
    }

    [Fact]
    public void Nothing_in_src_references_a_test_project()
    {
        var intoTests = Sources
            .SelectMany(project => project.ProjectReferences.Where(reference => Graph.Projects.TryGetValue(reference, out var target) && target.Folder != "src").Select(reference => $"{project.Name} -> {reference}"))
            .ToList();

        Assert.Empty(intoTests);
    }
}
