using System.Collections.Generic;
using System.Text;

namespace FilePipeline.Annotations.SourceGenerator.Writers;

/// <summary>An ordered JSON object built from dotted paths, written indented; leaves are JSON literals.</summary>
internal sealed class JsonTree
{
    private readonly List<KeyValuePair<string, object>> members = [];

    /// <summary>Sets <paramref name="json"/> at <paramref name="path"/>, creating the objects on the way.</summary>
    public JsonTree Set(string path, string json)
    {
        var names = path.Split('.');
        var node = this;
        for (var i = 0; i < names.Length - 1; i++)
        {
            node = node.Child(names[i]);
        }

        node.members.Add(new KeyValuePair<string, object>(names[names.Length - 1], json));
        return this;
    }

    public JsonTree Child(string name)
    {
        foreach (var member in members)
        {
            if (member.Key == name && member.Value is JsonTree existing)
            {
                return existing;
            }
        }

        var child = new JsonTree();
        members.Add(new KeyValuePair<string, object>(name, child));
        return child;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        Write(text, 0);
        return text.ToString();
    }

    private void Write(StringBuilder text, int depth)
    {
        text.Append('{');
        for (var i = 0; i < members.Count; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append(' ', (depth + 1) * 2).Append(Json.String(members[i].Key)).Append(": ");
            if (members[i].Value is JsonTree child)
            {
                child.Write(text, depth + 1);
            }
            else
            {
                text.Append((string)members[i].Value);
            }
        }

        text.Append(members.Count == 0 ? "}" : "\n" + new string(' ', depth * 2) + "}");
    }
}
