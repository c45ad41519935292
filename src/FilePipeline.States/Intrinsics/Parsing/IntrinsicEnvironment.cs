using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Parsing;

/// <summary>What an evaluation needs from outside: the engine's path resolver and the random sources.</summary>
internal readonly record struct IntrinsicEnvironment(Func<string, JsonNode?> ResolvePath, IntrinsicServices Services);
