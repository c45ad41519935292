using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace FilePipeline.Annotations.SourceGenerator.Writers;

/// <summary>JSON literals for template values (netstandard2.0 generators carry no JSON library).</summary>
internal static class Json
{
    public static string String(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < ' ')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4"));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    public static string Array(IEnumerable<string> jsonItems) => "[" + string.Join(",", jsonItems) + "]";

    public static string Object(params (string Name, string Json)[] members) =>
        "{" + string.Join(",", members.Select(m => String(m.Name) + ":" + m.Json)) + "}";

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary><c>@LogicalId</c> as the attribute's reference to a resource's ARN; anything else as a literal.</summary>
    public static string ArnOrGetAtt(string value) =>
        value.StartsWith("@") ? Object(("Fn::GetAtt", Array([String(value.Substring(1)), String("Arn")]))) : String(value);

    /// <summary><c>@LogicalId</c> as a Ref; anything else as a literal.</summary>
    public static string ValueOrRef(string value) =>
        value.StartsWith("@") ? Object(("Ref", String(value.Substring(1)))) : String(value);
}
