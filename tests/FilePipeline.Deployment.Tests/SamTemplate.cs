using System.Text.Json.Nodes;

namespace FilePipeline.Deployment.Tests;

/// <summary>
/// serverless.template as the tests query it: resources by type and handler, the IAM role each
/// principal runs under, and the grants of that role with resources named by logical id.
/// </summary>
internal sealed class SamTemplate(JsonObject root)
{
    public const string FunctionType = "AWS::Serverless::Function";
    public const string StateMachineType = "AWS::Serverless::StateMachine";

    public static SamTemplate Load() => new(RepositoryFiles.ReadJson("serverless.template"));

    public JsonObject Root => root;

    public JsonObject ResourceNodes => root["Resources"]!.AsObject();

    public string TypeOf(string logicalId) => (string)ResourceNodes[logicalId]!["Type"]!;

    public JsonObject Properties(string logicalId) => ResourceNodes[logicalId]!["Properties"]!.AsObject();

    public IEnumerable<string> OfType(string type) => ResourceNodes.Where(r => (string?)r.Value!["Type"] == type).Select(r => r.Key);

    public string Single(string type) => Assert.Single(OfType(type));

    /// <summary>
    /// A function property with SAM's Globals applied: maps merge deeply, lists concatenate and the
    /// function's own primitive value wins.
    /// </summary>
    public JsonNode? FunctionProperty(string logicalId, string name) =>
        Merge(root["Globals"]?["Function"]?[name], Properties(logicalId)[name]);

    private static JsonNode? Merge(JsonNode? global, JsonNode? local) => (global, local) switch
    {
        (JsonObject g, JsonObject l) => new JsonObject(g.Select(p => p.Key).Union(l.Select(p => p.Key))
            .Select(key => KeyValuePair.Create(key, Merge(g[key], l[key])))),
        (JsonArray g, JsonArray l) => new JsonArray([.. g.Concat(l).Select(n => n?.DeepClone())]),
        (_, not null) => local.DeepClone(),
        _ => global?.DeepClone(),
    };

    /// <summary>The function's environment: Globals' variables overlaid by its own.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Environment(string logicalId) =>
        (FunctionProperty(logicalId, "Environment")?["Variables"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>The function whose <c>ANNOTATIONS_HANDLER</c> is <paramref name="handler"/>.</summary>
    public string FunctionFor(string handler) =>
        Assert.Single(OfType(FunctionType), f => (string?)Environment(f).GetValueOrDefault("ANNOTATIONS_HANDLER") == handler);

    /// <summary>The logical id of the AWS::IAM::Role a function or state machine runs under.</summary>
    public string RoleOf(string logicalId)
    {
        var role = Properties(logicalId)["Role"] ?? throw new InvalidDataException($"{logicalId} has no Role: SAM would generate one whose policies the template does not show.");
        var roleId = ResourceName(role);
        Assert.Equal("AWS::IAM::Role", TypeOf(roleId));
        return roleId;
    }

    /// <summary>The Allow statements of every policy the role has inline.</summary>
    public IEnumerable<JsonObject> Statements(string roleId) =>
        (Properties(roleId)["Policies"]?.AsArray() ?? [])
            .SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(s => s!.AsObject());

    /// <summary>Every action × resource the role allows.</summary>
    public HashSet<Grant> Grants(string roleId)
    {
        var grants = new HashSet<Grant>();
        foreach (var statement in Statements(roleId))
        {
            Assert.Equal("Allow", (string?)statement["Effect"]);
            foreach (var action in Many(statement["Action"]))
            {
                foreach (var resource in Many(statement["Resource"]))
                {
                    grants.Add(new Grant((string)action!, ResourceName(resource)));
                }
            }
        }

        return grants;
    }

    /// <summary>
    /// The logical id (plus suffix) a Ref, Fn::GetAtt or Fn::Sub points at; an S3 ARN built with
    /// the same Fn::Sub as a bucket's name (the circular-dependency workaround) names that bucket.
    /// </summary>
    public string ResourceName(JsonNode? node)
    {
        switch (node)
        {
            case JsonValue value:
                return (string)value!;
            case JsonObject call when call["Ref"] is { } name:
                return (string)name!;
            case JsonObject call when call["Fn::GetAtt"] is JsonArray attribute:
                return (string)attribute[0]!;
            case JsonObject call when call["Fn::Sub"] is JsonValue pattern:
                var text = (string)pattern!;
                foreach (var bucket in OfType("AWS::S3::Bucket"))
                {
                    var arn = "arn:${AWS::Partition}:s3:::" + (string?)Properties(bucket)["BucketName"]?["Fn::Sub"];
                    if (text.StartsWith(arn, StringComparison.Ordinal))
                    {
                        return bucket + text[arn.Length..];
                    }
                }

                return text.StartsWith("${", StringComparison.Ordinal) && text.IndexOf(".Arn}", StringComparison.Ordinal) is > 2 and var end
                    ? text[2..end] + text[(end + ".Arn}".Length)..]
                    : text;
            default:
                return node?.ToJsonString() ?? "null";
        }
    }

    private static JsonNode?[] Many(JsonNode? node) => node is JsonArray array ? [.. array] : [node];
}
