using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace FilePipeline.Annotations.SourceGenerator.Models;

/// <summary>An attribute's named arguments; a property counts as set only when the code sets it, as Lambda Annotations' Is…Set flags do.</summary>
internal sealed class AttributeArguments(AttributeData attribute)
{
    private readonly Dictionary<string, TypedConstant> named = attribute.NamedArguments.ToDictionary(pair => pair.Key, pair => pair.Value);

    public string? ConstructorString(int index) =>
        attribute.ConstructorArguments.Length > index ? attribute.ConstructorArguments[index].Value as string : null;

    public bool IsSet(string name) => named.ContainsKey(name);

    public string? String(string name) => named.TryGetValue(name, out var value) ? value.Value as string : null;

    public uint? UInt(string name) => named.TryGetValue(name, out var value) && value.Value is uint number ? number : null;

    public bool? Bool(string name) => named.TryGetValue(name, out var value) && value.Value is bool flag ? flag : null;
}
