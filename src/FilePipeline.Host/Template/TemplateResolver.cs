using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace FilePipeline.Host.Template;

/// <summary>
/// Evaluates the CloudFormation intrinsics the template uses (Ref, Fn::GetAtt, Fn::Sub) to the
/// values the local stack has: parameters take their defaults, resources their local names and ARNs.
/// For a deployed stack, <paramref name="generatedNames"/> gives the names CloudFormation generated
/// for resources the template leaves unnamed (by logical id).
/// </summary>
public sealed class TemplateResolver(JsonObject template, LocalAwsIdentity identity, IReadOnlyDictionary<string, string>? generatedNames = null)
{
    private JsonObject ResourceNodes => template["Resources"]?.AsObject() ?? throw TemplateException.Missing("Resources");

    public LocalAwsIdentity Identity => identity;

    /// <summary>A literal, or the value of an intrinsic function, as text.</summary>
    public string Text(JsonNode? node, string where)
    {
        switch (node)
        {
            case JsonValue value when value.TryGetValue<string>(out var text):
                return text;
            case JsonValue value:
                return value.ToJsonString();
            case JsonObject { Count: 1 } call when call["Ref"] is { } name:
                return Ref(name.GetValue<string>());
            case JsonObject { Count: 1 } call when call["Fn::GetAtt"] is JsonArray { Count: 2 } att:
                return GetAtt(att[0]!.GetValue<string>(), att[1]!.GetValue<string>());
            case JsonObject { Count: 1 } call when call["Fn::Sub"] is JsonValue sub:
                return Sub(sub.GetValue<string>());
            default:
                throw new TemplateException($"{where}: cannot resolve {node?.ToJsonString() ?? "null"} locally (Ref, Fn::GetAtt and Fn::Sub are supported).");
        }
    }

    public int Number(JsonNode? node, string where)
    {
        var text = Text(node, where);
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new TemplateException(System.Numerics.BigInteger.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? $"{where} is {text}, far beyond any valid value (at most {int.MaxValue})."
                : $"{where} is '{text}', not a whole number.");
    }

    public JsonObject Resource(string logicalId) =>
        ResourceNodes[logicalId]?.AsObject() ?? throw new TemplateException($"The template has no resource '{logicalId}'.");

    public JsonObject Properties(string logicalId) => Resource(logicalId)["Properties"]?.AsObject() ?? [];

    public string TypeOf(string logicalId) => Resource(logicalId)["Type"]?.GetValue<string>() ?? "";

    /// <summary>The logical ids of resources of one type, in template order.</summary>
    public IEnumerable<string> ResourcesOfType(string type) =>
        ResourceNodes.Where(pair => pair.Value?["Type"]?.GetValue<string>() == type).Select(pair => pair.Key);

    /// <summary>The logical id a Ref or Fn::GetAtt points at (for relations such as an event's queue).</summary>
    public static string TargetOf(JsonNode? node, string where) => node switch
    {
        JsonObject { Count: 1 } call when call["Ref"] is JsonValue name => name.GetValue<string>(),
        JsonObject { Count: 1 } call when call["Fn::GetAtt"] is JsonArray { Count: 2 } att => att[0]!.GetValue<string>(),
        _ => throw new TemplateException($"{where} must be a Ref or Fn::GetAtt of a resource."),
    };

    public string Ref(string name)
    {
        switch (name)
        {
            case "AWS::StackName": return identity.StackName;
            case "AWS::AccountId": return identity.AccountId;
            case "AWS::Region": return identity.Region;
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
        }

        if (template["Parameters"]?[name] is JsonObject parameter)
        {
            return parameter["Default"] is { } value
                ? Text(value, $"Parameters.{name}.Default")
                : throw new TemplateException($"Parameter {name} has no Default, and the local stack takes no parameter values.");
        }

        return TypeOf(name) switch
        {
            "AWS::SQS::Queue" => identity.QueueUrl(PhysicalName(name)),
            "AWS::Serverless::StateMachine" => identity.StateMachineArn(PhysicalName(name)),
            _ => PhysicalName(name),
        };
    }

    public string GetAtt(string logicalId, string attribute) => (TypeOf(logicalId), attribute) switch
    {
        ("AWS::SQS::Queue", "Arn") => identity.QueueArn(PhysicalName(logicalId)),
        ("AWS::SQS::Queue", "QueueName") => PhysicalName(logicalId),
        ("AWS::SQS::Queue", "QueueUrl") => identity.QueueUrl(PhysicalName(logicalId)),
        ("AWS::DynamoDB::Table", "Arn") => identity.TableArn(PhysicalName(logicalId)),
        ("AWS::Serverless::Function", "Arn") => identity.LambdaArn(PhysicalName(logicalId)),
        ("AWS::Serverless::StateMachine", "Arn") => identity.StateMachineArn(PhysicalName(logicalId)),
        ("AWS::Serverless::StateMachine", "Name") => PhysicalName(logicalId),
        ("AWS::S3::Bucket", "Arn") => "arn:aws:s3:::" + PhysicalName(logicalId),
        ("AWS::Logs::LogGroup", "Arn") => $"arn:aws:logs:{identity.Region}:{identity.AccountId}:log-group:{PhysicalName(logicalId)}:*",
        var (type, _) => throw new TemplateException($"Fn::GetAtt {logicalId}.{attribute} ({type}) has no local value."),
    };

    /// <summary>
    /// The resource's name: its explicit name property, else the name CloudFormation generated (when
    /// known), else, locally, the logical id; functions are named by logical id locally.
    /// </summary>
    public string PhysicalName(string logicalId) =>
        ExplicitName(logicalId) ?? (generatedNames is not null && generatedNames.TryGetValue(logicalId, out var generated) ? generated : logicalId);

    /// <summary>The name the template gives the resource in its name property, or null when CloudFormation would generate one.</summary>
    public string? ExplicitName(string logicalId)
    {
        var properties = Properties(logicalId);
        var nameProperty = TypeOf(logicalId) switch
        {
            "AWS::SQS::Queue" => "QueueName",
            "AWS::DynamoDB::Table" => "TableName",
            "AWS::S3::Bucket" => "BucketName",
            "AWS::Serverless::StateMachine" => "Name",
            "AWS::Serverless::Function" => "FunctionName",
            "AWS::Logs::LogGroup" => "LogGroupName",
            _ => null,
        };
        return nameProperty is not null && properties[nameProperty] is { } name ? Text(name, $"{logicalId}.{nameProperty}") : null;
    }

    /// <summary>The key of the template output whose value is a Ref of the resource, or null.</summary>
    public string? OutputKeyOf(string logicalId) =>
        (template["Outputs"] as JsonObject)?.FirstOrDefault(pair => pair.Value?["Value"] is JsonObject { Count: 1 } value && (string?)value["Ref"] == logicalId).Key;

    public string Sub(string pattern)
    {
        var result = new StringBuilder();
        var position = 0;
        while (position < pattern.Length)
        {
            var start = pattern.IndexOf("${", position, StringComparison.Ordinal);
            if (start < 0)
            {
                break;
            }

            var end = pattern.IndexOf('}', start);
            if (end < 0)
            {
                throw new TemplateException($"Fn::Sub '{pattern}' has an unclosed ${{.");
            }

            result.Append(pattern, position, start - position);
            var variable = pattern[(start + 2)..end];
            var dot = variable.IndexOf('.', StringComparison.Ordinal);
            result.Append(variable.StartsWith("AWS::", StringComparison.Ordinal) || dot < 0
                ? Ref(variable)
                : GetAtt(variable[..dot], variable[(dot + 1)..]));
            position = end + 1;
        }

        return result.Append(pattern, position, pattern.Length - position).ToString();
    }
}
