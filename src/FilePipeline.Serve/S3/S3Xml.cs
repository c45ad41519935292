using System.Globalization;
using System.Text;
using System.Xml;
using FilePipeline.Serve.Protocol;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.S3;

/// <summary>Writes S3's XML answers and error documents.</summary>
public static class S3Xml
{
    public const string Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Async = true };

    /// <summary>Writes a document whose root element is <paramref name="root"/> in S3's namespace.</summary>
    public static Task WriteAsync(HttpResponse response, string root, Action<XmlWriter> body, int status = 200) =>
        WriteAsync(response, root, Namespace, body, status);

    private static async Task WriteAsync(HttpResponse response, string root, string? xmlNamespace, Action<XmlWriter> body, int status)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(root, xmlNamespace);
            body(xml);
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        response.StatusCode = status;
        response.ContentType = "application/xml";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    /// <summary>S3's error document: Code, Message, Resource and RequestId, in no namespace (clients look for a bare Error root).</summary>
    public static Task WriteErrorAsync(HttpContext context, AwsErrorException error)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(error);
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = error.Status;
            return Task.CompletedTask;
        }

        return WriteAsync(context.Response, "Error", null, xml =>
        {
            xml.WriteElementString("Code", error.Code);
            xml.WriteElementString("Message", error.Message);
            xml.WriteElementString("Resource", context.Request.Path);
            xml.WriteElementString("RequestId", context.TraceIdentifier);
        }, error.Status);
    }

    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Quoted(string eTag) => "\"" + eTag + "\"";

    public static void WriteOwner(XmlWriter xml, string element)
    {
        ArgumentNullException.ThrowIfNull(xml);
        xml.WriteStartElement(element);
        xml.WriteElementString("ID", "filepipeline");
        xml.WriteElementString("DisplayName", "filepipeline");
        xml.WriteEndElement();
    }
}
