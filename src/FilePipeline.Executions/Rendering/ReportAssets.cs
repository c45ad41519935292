using System.Reflection;

namespace FilePipeline.Executions.Rendering;

/// <summary>The report's stylesheet and script, kept as files in the source and embedded in the assembly.</summary>
internal static class ReportAssets
{
    public static string Css { get; } = Read("report.css");

    public static string Script { get; } = Read("report.js");

    private static string Read(string name)
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FilePipeline.Executions.Rendering." + name)
            ?? throw new InvalidOperationException($"The report asset '{name}' is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
