using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FilePipeline.Core.Ports;

namespace FilePipeline.Core;

/// <summary>Writes the ObjectCreated event S3 sends for a new object version, field for field in S3's shape (event version 2.1).</summary>
public static class S3EventNotification
{
    public const string Put = "Put";
    public const string CompleteMultipartUpload = "CompleteMultipartUpload";

    private const string PrincipalId = "FILEPIPELINELOCAL";

    public static string ObjectCreatedPut(ObjectInfo info, string sequencer, string region, string configurationId) =>
        ObjectCreated(info, Put, sequencer, region, configurationId);

    /// <param name="eventName">How the object was created: <see cref="Put"/> or <see cref="CompleteMultipartUpload"/>.</param>
    public static string ObjectCreated(ObjectInfo info, string eventName, string sequencer, string region, string configurationId)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("Records");
            json.WriteStartObject();
            json.WriteString("eventVersion", "2.1");
            json.WriteString("eventSource", "aws:s3");
            json.WriteString("awsRegion", region);
            json.WriteString("eventTime", info.LastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("eventName", "ObjectCreated:" + eventName);
            WritePrincipal(json, "userIdentity");
            json.WriteStartObject("requestParameters");
            json.WriteString("sourceIPAddress", "127.0.0.1");
            json.WriteEndObject();
            json.WriteStartObject("responseElements");
            json.WriteString("x-amz-request-id", Convert.ToHexString(RandomNumberGenerator.GetBytes(8)));
            json.WriteString("x-amz-id-2", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
            json.WriteEndObject();
            json.WriteStartObject("s3");
            json.WriteString("s3SchemaVersion", "1.0");
            json.WriteString("configurationId", configurationId);
            json.WriteStartObject("bucket");
            json.WriteString("name", info.Bucket);
            WritePrincipal(json, "ownerIdentity");
            json.WriteString("arn", "arn:aws:s3:::" + info.Bucket);
            json.WriteEndObject();
            json.WriteStartObject("object");
            json.WriteString("key", S3ObjectKey.Encode(info.Key));
            json.WriteNumber("size", info.Size);
            json.WriteString("eTag", info.ETag);
            json.WriteString("versionId", info.VersionId);
            json.WriteString("sequencer", sequencer);
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WritePrincipal(Utf8JsonWriter json, string name)
    {
        json.WriteStartObject(name);
        json.WriteString("principalId", PrincipalId);
        json.WriteEndObject();
    }
}
