using System.Text.Json.Nodes;

namespace FilePipeline.States.Json;

/// <summary>The variables a path can start from (<c>$name</c>); declared here so that paths need not know how scopes nest.</summary>
internal interface IVariableLookup
{
    bool TryGet(string name, out JsonNode? value);
}
