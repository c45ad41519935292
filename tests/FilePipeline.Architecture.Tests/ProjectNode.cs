namespace FilePipeline.Architecture.Tests;

/// <summary>One .csproj: its name, the top folder it lives in (src, tests, bench) and what it references.</summary>
internal sealed record ProjectNode(string Name, string Folder, IReadOnlySet<string> ProjectReferences, IReadOnlySet<string> PackageReferences);
