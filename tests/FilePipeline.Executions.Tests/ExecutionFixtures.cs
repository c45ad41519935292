using FilePipeline.Executions.History;


namespace FilePipeline.Executions.Tests;

/// <summary>The hand-written pipeline-like definition and its three recorded executions.</summary>
internal static class ExecutionFixtures
{
    public static readonly string[] Names = ["succeeded", "rejected", "failed"];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Executions", "Fixtures");

    public static string Definition => Read("pipeline.asl.json");

    public static string History(string name) => Read(name + ".history.json");

    public static string Summary(string name) => Read(name + ".execution.json");

    public static ExecutionView Load(string name) => ExecutionViewParser.Parse(Definition, History(name), Summary(name));

    public static string Read(string file) => File.ReadAllText(Path.Combine(Folder, file));
}
