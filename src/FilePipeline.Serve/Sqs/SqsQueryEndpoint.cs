using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml;
using FilePipeline.Serve.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace FilePipeline.Serve.Sqs;

/// <summary>
/// SQS's Query protocol (the Debian AWS CLI 2.9): form parameters in (<c>Action=…</c>, <c>AttributeName.1</c>,
/// <c>SendMessageBatchRequestEntry.1.Id</c>), XML out. Requests become the JSON protocol's shape, so
/// <see cref="SqsQueues"/> serves both.
/// </summary>
public sealed partial class SqsQueryEndpoint(SqsQueues queues)
{
    public const string Namespace = "http://queue.amazonaws.com/doc/2012-11-05/";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false) };

    private static readonly Dictionary<string, string> ListMembers = new(StringComparer.Ordinal)
    {
        ["AttributeName"] = "AttributeNames",
        ["MessageSystemAttributeName"] = "MessageSystemAttributeNames",
        ["MessageAttributeName"] = "MessageAttributeNames",
    };

    public async Task HandleAsync(HttpContext context, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        var parameters = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        foreach (var (name, value) in context.Request.Query)
        {
            parameters.TryAdd(name, value);
        }

        var action = parameters.TryGetValue("Action", out var named) ? named.ToString() : throw new AwsErrorException("MissingAction", "The request must contain the parameter Action.");
        var request = ToJson(parameters);
        if (!request.ContainsKey("QueueUrl") && context.Request.Path.Value?.Count(c => c == '/') == 2)
        {
            request["QueueUrl"] = EndpointUrl.Of(context.Request) + context.Request.Path.Value;
        }

        var result = await queues.ExecuteAsync(action, request, EndpointUrl.Of(context.Request), context.RequestAborted);
        await WriteXmlAsync(context.Response, StatusCodes.Status200OK, xml =>
        {
            xml.WriteStartElement(action + "Response", Namespace);
            if (result.Count > 0)
            {
                xml.WriteStartElement(action + "Result");
                WriteMembers(xml, result, action);
                xml.WriteEndElement();
            }

            xml.WriteStartElement("ResponseMetadata");
            xml.WriteElementString("RequestId", context.TraceIdentifier);
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    public static Task WriteErrorAsync(HttpContext context, AwsErrorException error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        return WriteXmlAsync(context.Response, error.Status, xml =>
        {
            xml.WriteStartElement("ErrorResponse", Namespace);
            xml.WriteStartElement("Error");
            xml.WriteElementString("Type", SqsErrorCodes.FaultOf(error.Status));
            xml.WriteElementString("Code", error.Code);
            xml.WriteElementString("Message", error.Message);
            xml.WriteElementString("Detail", string.Empty);
            xml.WriteEndElement();
            xml.WriteElementString("RequestId", context.TraceIdentifier);
            xml.WriteEndElement();
        });
    }

    /// <summary>Flattened Query parameters as the JSON protocol's request object.</summary>
    public static JsonObject ToJson(IDictionary<string, Microsoft.Extensions.Primitives.StringValues> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var request = new JsonObject();
        foreach (var (name, value) in parameters.Where(pair => pair.Key is not ("Action" or "Version")).OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var indexed = Indexed().Match(name);
            if (!indexed.Success)
            {
                request[name] = value.ToString();
                continue;
            }

            var (member, index, field) = (indexed.Groups[1].Value, int.Parse(indexed.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), indexed.Groups[3].Value);
            if (ListMembers.TryGetValue(member, out var list))
            {
                Array(request, list).Add((JsonNode)value.ToString());
            }
            else if (member.EndsWith("RequestEntry", StringComparison.Ordinal))
            {
                var entries = Array(request, "Entries");
                while (entries.Count < index)
                {
                    entries.Add((JsonNode)new JsonObject());
                }

                var entry = entries[index - 1]!.AsObject();
                if (field.Contains('.', StringComparison.Ordinal))
                {
                    // MessageAttribute.1.Name inside an entry: kept as a marker that attributes were sent.
                    entry["MessageAttributes"] = new JsonObject { [field] = value.ToString() };
                }
                else
                {
                    entry[field] = value.ToString();
                }
            }
            else
            {
                var map = request[member + "s"] as JsonObject ?? [];
                request[member + "s"] = map;
                map[index + "." + field] = value.ToString();
            }
        }

        return request;
    }

    private static JsonArray Array(JsonObject request, string member)
    {
        if (request[member] is not JsonArray array)
        {
            array = [];
            request[member] = array;
        }

        return array;
    }

    /// <summary>A JSON result as Query XML: lists flattened to repeated elements, maps to Attribute name/value pairs.</summary>
    private static void WriteMembers(XmlWriter xml, JsonObject json, string action)
    {
        foreach (var (name, value) in json)
        {
            switch (value)
            {
                case JsonArray array:
                    var element = name switch
                    {
                        "QueueUrls" => "QueueUrl",
                        "Messages" => "Message",
                        "Successful" => action + "ResultEntry",
                        "Failed" => "BatchResultErrorEntry",
                        _ => name,
                    };
                    foreach (var item in array)
                    {
                        WriteValue(xml, element, item, action);
                    }

                    break;
                case JsonObject map when name == "Attributes":
                    foreach (var (key, attribute) in map)
                    {
                        xml.WriteStartElement("Attribute");
                        xml.WriteElementString("Name", key);
                        xml.WriteElementString("Value", attribute?.ToString());
                        xml.WriteEndElement();
                    }

                    break;
                default:
                    WriteValue(xml, name, value, action);
                    break;
            }
        }
    }

    private static void WriteValue(XmlWriter xml, string name, JsonNode? value, string action)
    {
        xml.WriteStartElement(name);
        if (value is JsonObject nested)
        {
            WriteMembers(xml, nested, action);
        }
        else if (value is JsonValue scalar)
        {
            xml.WriteString(scalar.GetValueKind() switch
            {
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => scalar.ToString(),
            });
        }

        xml.WriteEndElement();
    }

    private static async Task WriteXmlAsync(HttpResponse response, int status, Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }

        response.StatusCode = status;
        response.ContentType = "text/xml";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    [GeneratedRegex(@"^([A-Za-z]+)\.([0-9]+)(?:\.(.+))?$")]
    private static partial Regex Indexed();
}
