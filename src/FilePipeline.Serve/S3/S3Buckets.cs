using System.Globalization;
using System.Text;
using System.Xml;
using FilePipeline.Local.Objects;
using FilePipeline.Serve.Signing;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.S3;

/// <summary>The bucket operations: ListBuckets, GetBucketVersioning/Location, ListObjects(V2), ListObjectVersions, ListMultipartUploads.</summary>
public sealed class S3Buckets(EmbeddedObjectStore store, string bucketName, MultipartUploadStore uploads)
{
    private const int DefaultMaxKeys = 1000;

    /// <summary>When the bucket was made; S3 reports it in ListBuckets.</summary>
    public DateTimeOffset Created { get; init; } = DateTimeOffset.UnixEpoch;

    public Task ListBucketsAsync(HttpContext context) =>
        S3Xml.WriteAsync(context.Response, "ListAllMyBucketsResult", xml =>
        {
            S3Xml.WriteOwner(xml, "Owner");
            xml.WriteStartElement("Buckets");
            xml.WriteStartElement("Bucket");
            xml.WriteElementString("Name", bucketName);
            xml.WriteElementString("CreationDate", S3Xml.Timestamp(Created));
            xml.WriteEndElement();
            xml.WriteEndElement();
        });

    public static Task GetVersioningAsync(HttpContext context) =>
        S3Xml.WriteAsync(context.Response, "VersioningConfiguration", xml => xml.WriteElementString("Status", "Enabled"));

    /// <summary>The store is local; S3 reports us-east-1 as an empty constraint.</summary>
    public static Task GetLocationAsync(HttpContext context) =>
        S3Xml.WriteAsync(context.Response, "LocationConstraint", _ => { });

    public async Task ListObjectsV2Async(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        var v2 = query["list-type"].ToString() == "2";
        var prefix = query["prefix"].ToString();
        var delimiter = query["delimiter"].ToString();
        var maxKeys = MaxKeys(query["max-keys"].ToString());
        var url = query["encoding-type"].ToString() == "url";
        var continuation = query["continuation-token"].ToString();
        var marker = v2 ? (continuation.Length > 0 ? Decode(continuation) : query["start-after"].ToString()) : query["marker"].ToString();
        var versions = await store.ListObjectVersionsAsync(bucketName, prefix, context.RequestAborted);
        var listing = ObjectListing.Of(versions.Where(version => version.IsLatest).Select(version => version.Info), prefix, delimiter, marker, maxKeys);
        string Text(string value) => url ? UriEncoding.Encode(value, keepSlash: true) : value;

        await S3Xml.WriteAsync(context.Response, "ListBucketResult", xml =>
        {
            xml.WriteElementString("Name", bucketName);
            xml.WriteElementString("Prefix", Text(prefix));
            if (v2)
            {
                xml.WriteElementString("KeyCount", Number(listing.Contents.Count + listing.CommonPrefixes.Count));
                OptionalElement(xml, "ContinuationToken", continuation);
                OptionalElement(xml, "StartAfter", Text(query["start-after"].ToString()));
            }
            else
            {
                xml.WriteElementString("Marker", Text(marker));
            }

            xml.WriteElementString("MaxKeys", Number(maxKeys));
            OptionalElement(xml, "Delimiter", Text(delimiter));
            OptionalElement(xml, "EncodingType", url ? "url" : string.Empty);
            xml.WriteElementString("IsTruncated", listing.NextMarker is null ? "false" : "true");
            if (listing.NextMarker is { } next)
            {
                xml.WriteElementString(v2 ? "NextContinuationToken" : "NextMarker", v2 ? Encode(next) : Text(next));
            }

            foreach (var info in listing.Contents)
            {
                xml.WriteStartElement("Contents");
                xml.WriteElementString("Key", Text(info.Key));
                xml.WriteElementString("LastModified", S3Xml.Timestamp(info.LastModified));
                xml.WriteElementString("ETag", S3Xml.Quoted(info.ETag));
                xml.WriteElementString("Size", Number(info.Size));
                xml.WriteElementString("StorageClass", "STANDARD");
                xml.WriteEndElement();
            }

            foreach (var common in listing.CommonPrefixes)
            {
                xml.WriteStartElement("CommonPrefixes");
                xml.WriteElementString("Prefix", Text(common));
                xml.WriteEndElement();
            }
        });
    }

    /// <summary>Every version by key, newest first, paged by key-marker and version-id-marker.</summary>
    public async Task ListObjectVersionsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        var prefix = query["prefix"].ToString();
        var keyMarker = query["key-marker"].ToString();
        var versionMarker = query["version-id-marker"].ToString();
        var maxKeys = MaxKeys(query["max-keys"].ToString());
        var url = query["encoding-type"].ToString() == "url";
        string Text(string value) => url ? UriEncoding.Encode(value, keepSlash: true) : value;
        var versions = (await store.ListObjectVersionsAsync(bucketName, prefix, context.RequestAborted)).ToList();
        var startAt = keyMarker.Length == 0 ? 0
            : versionMarker.Length == 0 ? versions.FindIndex(version => string.CompareOrdinal(version.Info.Key, keyMarker) > 0)
            : versions.FindIndex(version => version.Info.Key == keyMarker && version.Info.VersionId == versionMarker) + 1;
        var page = versions.Skip(startAt < 0 ? versions.Count : startAt).Take(maxKeys + 1).ToList();
        var truncated = page.Count > maxKeys;
        page = [.. page.Take(maxKeys)];

        await S3Xml.WriteAsync(context.Response, "ListVersionsResult", xml =>
        {
            xml.WriteElementString("Name", bucketName);
            xml.WriteElementString("Prefix", Text(prefix));
            xml.WriteElementString("KeyMarker", Text(keyMarker));
            xml.WriteElementString("VersionIdMarker", versionMarker);
            xml.WriteElementString("MaxKeys", Number(maxKeys));
            OptionalElement(xml, "EncodingType", url ? "url" : string.Empty);
            xml.WriteElementString("IsTruncated", truncated ? "true" : "false");
            if (truncated)
            {
                xml.WriteElementString("NextKeyMarker", Text(page[^1].Info.Key));
                xml.WriteElementString("NextVersionIdMarker", page[^1].Info.VersionId);
            }

            foreach (var version in page)
            {
                xml.WriteStartElement("Version");
                xml.WriteElementString("Key", Text(version.Info.Key));
                xml.WriteElementString("VersionId", version.Info.VersionId);
                xml.WriteElementString("IsLatest", version.IsLatest ? "true" : "false");
                xml.WriteElementString("LastModified", S3Xml.Timestamp(version.Info.LastModified));
                xml.WriteElementString("ETag", S3Xml.Quoted(version.Info.ETag));
                xml.WriteElementString("Size", Number(version.Info.Size));
                xml.WriteElementString("StorageClass", "STANDARD");
                S3Xml.WriteOwner(xml, "Owner");
                xml.WriteEndElement();
            }
        });
    }

    /// <summary>The multipart uploads in progress (all of them: a local bucket has few).</summary>
    public Task ListMultipartUploadsAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var prefix = context.Request.Query["prefix"].ToString();
        var inProgress = uploads.List(bucketName).Where(upload => upload.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return S3Xml.WriteAsync(context.Response, "ListMultipartUploadsResult", xml =>
        {
            xml.WriteElementString("Bucket", bucketName);
            xml.WriteElementString("KeyMarker", string.Empty);
            xml.WriteElementString("UploadIdMarker", string.Empty);
            xml.WriteElementString("Prefix", prefix);
            xml.WriteElementString("MaxUploads", Number(DefaultMaxKeys));
            xml.WriteElementString("IsTruncated", "false");
            foreach (var upload in inProgress)
            {
                xml.WriteStartElement("Upload");
                xml.WriteElementString("Key", upload.Key);
                xml.WriteElementString("UploadId", upload.UploadId);
                S3Xml.WriteOwner(xml, "Initiator");
                S3Xml.WriteOwner(xml, "Owner");
                xml.WriteElementString("StorageClass", "STANDARD");
                xml.WriteElementString("Initiated", S3Xml.Timestamp(upload.Initiated));
                xml.WriteEndElement();
            }
        });
    }

    private static int MaxKeys(string text) =>
        text.Length == 0 ? DefaultMaxKeys
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? Math.Min(value, DefaultMaxKeys)
        : throw S3Errors.InvalidArgument("Provided max-keys not an integer or within integer range");

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void OptionalElement(XmlWriter xml, string name, string value)
    {
        if (value.Length > 0)
        {
            xml.WriteElementString(name, value);
        }
    }

    private static string Encode(string marker) => Convert.ToBase64String(Encoding.UTF8.GetBytes(marker));

    private static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw S3Errors.InvalidArgument("The continuation token provided is incorrect");
        }
    }
}
