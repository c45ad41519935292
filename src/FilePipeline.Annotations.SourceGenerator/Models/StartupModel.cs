namespace FilePipeline.Annotations.SourceGenerator.Models;

/// <summary>A [LambdaStartup] class.</summary>
internal sealed record StartupModel(string FullName, LocationInfo? Location);

/// <summary>A source-generated JsonSerializerContext and the types it has [JsonSerializable] for.</summary>
internal sealed record JsonContextModel(string FullName, EquatableArray<string> Types);

/// <summary>The compilation-wide settings: where the registry goes and whether to write Main.</summary>
/// <param name="RootNamespace">The project's RootNamespace when visible to the compiler: where Main goes (an executable's assembly name is often "bootstrap").</param>
/// <param name="ReferencedRegistries">With GenerateMain, the generated registries of referenced assemblies, which Main can run too.</param>
internal sealed record GlobalModel(string AssemblyName, string? RootNamespace, bool GenerateMain, bool IsExecutable, LocationInfo? GenerateMainLocation, EquatableArray<string> ReferencedRegistries);
