namespace FilePipeline.Annotations.SourceGenerator.Models;

/// <summary>A [LambdaStartup] class.</summary>
internal sealed record StartupModel(string FullName, LocationInfo? Location);

/// <summary>A source-generated JsonSerializerContext and the types it has [JsonSerializable] for.</summary>
internal sealed record JsonContextModel(string FullName, EquatableArray<string> Types);

/// <summary>The compilation-wide settings: where the registry goes and whether to write Main.</summary>
internal sealed record GlobalModel(string AssemblyName, bool GenerateMain, bool IsExecutable, LocationInfo? GenerateMainLocation);
