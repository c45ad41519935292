using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using System.Xml.Linq;
using FilePipeline.Local.Objects;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.S3;

/// <summary>
/// Multipart upload: create, upload part, list parts, abort, and complete, which commits the
/// parts as one object version under S3's multipart ETag (MD5 of the parts' MD5s, "-N") with
/// an ObjectCreated:CompleteMultipartUpload event.
/// </summary>
public sealed class S3Multipart(EmbeddedObjectStore store, MultipartUploadStore uploads)
{
    /// <summary>S3's minimum size of every part but the last.</summary>
    public const long MinPartSize = 5 * 1024 * 1024;

    public Task CreateAsync(HttpContext context, string bucket, string key)
    {
        ArgumentNullException.ThrowIfNull(context);
        var upload = uploads.Create(bucket, key);
        return S3Xml.WriteAsync(context.Response, "InitiateMultipartUploadResult", xml =>
        {
            xml.WriteElementString("Bucket", bucket);
            xml.WriteElementString("Key", key);
            xml.WriteElementString("UploadId", upload.UploadId);
        });
    }

    public async Task UploadPartAsync(HttpContext context, string key, string uploadId, Stream body)
    {
        ArgumentNullException.ThrowIfNull(context);
        await using (body)
        {
            if (!int.TryParse(context.Request.Query["partNumber"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var partNumber)
                || partNumber is < MultipartUploadStore.MinPartNumber or > MultipartUploadStore.MaxPartNumber)
            {
                throw S3Errors.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive");
            }

            var upload = uploads.Find(uploadId, S3Address.Of(context.Request).Bucket!, key);
            var eTag = await uploads.PutPartAsync(upload, partNumber, body, context.RequestAborted);
            context.Response.Headers.ETag = S3Xml.Quoted(eTag);
        }
    }

    public Task ListPartsAsync(HttpContext context, string bucket, string key, string uploadId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var upload = uploads.Find(uploadId, bucket, key);
        var marker = int.TryParse(context.Request.Query["part-number-marker"].ToString(), CultureInfo.InvariantCulture, out var after) ? after : 0;
        var maxParts = int.TryParse(context.Request.Query["max-parts"].ToString(), CultureInfo.InvariantCulture, out var max) ? Math.Clamp(max, 1, 1000) : 1000;
        var remaining = uploads.Parts(upload).Where(part => part.PartNumber > marker).ToList();
        var page = remaining.Take(maxParts).ToList();
        return S3Xml.WriteAsync(context.Response, "ListPartsResult", xml =>
        {
            xml.WriteElementString("Bucket", bucket);
            xml.WriteElementString("Key", key);
            xml.WriteElementString("UploadId", uploadId);
            S3Xml.WriteOwner(xml, "Initiator");
            S3Xml.WriteOwner(xml, "Owner");
            xml.WriteElementString("StorageClass", "STANDARD");
            xml.WriteElementString("PartNumberMarker", Number(marker));
            xml.WriteElementString("NextPartNumberMarker", Number(page.Count > 0 ? page[^1].PartNumber : marker));
            xml.WriteElementString("MaxParts", Number(maxParts));
            xml.WriteElementString("IsTruncated", remaining.Count > page.Count ? "true" : "false");
            foreach (var part in page)
            {
                xml.WriteStartElement("Part");
                xml.WriteElementString("PartNumber", Number(part.PartNumber));
                xml.WriteElementString("LastModified", S3Xml.Timestamp(part.LastModified));
                xml.WriteElementString("ETag", S3Xml.Quoted(part.ETag));
                xml.WriteElementString("Size", Number(part.Size));
                xml.WriteEndElement();
            }
        });
    }

    public Task AbortAsync(HttpContext context, string bucket, string key, string uploadId)
    {
        ArgumentNullException.ThrowIfNull(context);
        uploads.Delete(uploads.Find(uploadId, bucket, key));
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(HttpContext context, string bucket, string key, string uploadId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var upload = uploads.Find(uploadId, bucket, key);
        var requested = await ReadPartListAsync(context.Request.Body, context.RequestAborted);
        var stored = uploads.Parts(upload).ToDictionary(part => part.PartNumber);
        var chosen = new List<UploadedPart>(requested.Count);
        for (var i = 0; i < requested.Count; i++)
        {
            var (number, eTag) = requested[i];
            if (i > 0 && number <= requested[i - 1].PartNumber)
            {
                throw new Protocol.AwsErrorException("InvalidPartOrder", "The list of parts was not in ascending order. The parts list must be specified in order by part number.");
            }

            if (!stored.TryGetValue(number, out var part) || !string.Equals(part.ETag, eTag, StringComparison.OrdinalIgnoreCase))
            {
                throw new Protocol.AwsErrorException("InvalidPart", $"One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag: part {number}.");
            }

            chosen.Add(part);
        }

        if (chosen.Take(chosen.Count - 1).FirstOrDefault(part => part.Size < MinPartSize) is { } small)
        {
            throw new Protocol.AwsErrorException("EntityTooSmall", $"Your proposed upload is smaller than the minimum allowed object size: part {small.PartNumber} has {small.Size} bytes; every part but the last needs 5 MiB.");
        }

        var info = await store.CompleteMultipartUploadAsync(bucket, key, new ConcatenatedFilesStream([.. chosen.Select(part => part.Path)]), MultipartETag(chosen), context.RequestAborted);
        uploads.Delete(upload);
        if (info.VersionId is { } versionId)
        {
            context.Response.Headers["x-amz-version-id"] = versionId;
        }

        var request = context.Request;
        await S3Xml.WriteAsync(context.Response, "CompleteMultipartUploadResult", xml =>
        {
            xml.WriteElementString("Location", $"{request.Scheme}://{request.Host}/{bucket}/{S3Address.EncodeKey(key)}");
            xml.WriteElementString("Bucket", bucket);
            xml.WriteElementString("Key", key);
            xml.WriteElementString("ETag", S3Xml.Quoted(info.ETag));
        });
    }

    /// <summary>S3's multipart ETag: the MD5 of the concatenated binary MD5s of the parts, then "-" and the part count.</summary>
    public static string MultipartETag(IReadOnlyList<UploadedPart> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var digests = parts.SelectMany(part => Convert.FromHexString(part.ETag)).ToArray();
#pragma warning disable CA5351 // S3's ETag definition, not a security control.
        return Convert.ToHexStringLower(MD5.HashData(digests)) + "-" + Number(parts.Count);
#pragma warning restore CA5351
    }

    private static async Task<List<(int PartNumber, string ETag)>> ReadPartListAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            var document = await XDocument.LoadAsync(body, LoadOptions.None, cancellationToken);
            var parts = document.Root?.Elements().Where(element => element.Name.LocalName == "Part")
                .Select(part => (
                    PartNumber: int.Parse(Child(part, "PartNumber"), NumberStyles.None, CultureInfo.InvariantCulture),
                    ETag: Child(part, "ETag").Trim('"')))
                .ToList() ?? [];
            return parts.Count > 0 ? parts : throw S3Errors.MalformedXml();
        }
        catch (Exception e) when (e is XmlException or FormatException or OverflowException or InvalidOperationException)
        {
            throw S3Errors.MalformedXml();
        }
    }

    private static string Child(XElement element, string name) =>
        element.Elements().FirstOrDefault(child => child.Name.LocalName == name)?.Value ?? throw new FormatException(name + " is missing.");

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
