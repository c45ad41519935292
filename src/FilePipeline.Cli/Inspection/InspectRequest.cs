namespace FilePipeline.Cli.Inspection;

/// <summary>What <c>filepipeline inspect</c> was asked to do.</summary>
internal sealed record InspectRequest(IReadOnlyList<string> Files, bool Json, bool HasHeader, string Delimiter);
