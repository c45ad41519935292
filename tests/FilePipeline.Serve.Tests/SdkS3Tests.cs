using System.Net;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace FilePipeline.Serve.Tests;

/// <summary>AWSSDK.S3 4 (streaming aws-chunked SigV4 bodies with trailing checksums by default) against serve.</summary>
public sealed class SdkS3Tests : IAsyncLifetime
{
    private ServeFixture serve = null!;
    private AmazonS3Client s3 = null!;

    public async Task InitializeAsync()
    {
        serve = await ServeFixture.StartAsync(runPipeline: false);
        s3 = serve.S3();
    }

    public async Task DisposeAsync()
    {
        s3.Dispose();
        await serve.DisposeAsync();
    }

    [Fact]
    public async Task PutObject_streams_an_aws_chunked_body_and_GetObject_returns_the_bytes_with_the_md5_etag()
    {
        var recorder = new RecordingHttpClientFactory();
        using var recorded = new AmazonS3Client(ServeFixture.Credentials, new AmazonS3Config
        {
            ServiceURL = serve.Endpoint, ForcePathStyle = true, AuthenticationRegion = "us-east-1", HttpClientFactory = recorder,
        });
        var put = await recorded.PutObjectAsync(new PutObjectRequest { BucketName = serve.Bucket, Key = "k/one.csv", ContentBody = "a,b\n1,2\n" });
        var sent = Assert.Single(recorder.Requests);
        Assert.Equal("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", sent.Headers.GetValues("x-amz-content-sha256").Single());
        Assert.Contains("aws-chunked", sent.Content!.Headers.ContentEncoding);
        Assert.Equal("\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("a,b\n1,2\n"u8.ToArray())) + "\"", put.ETag);

        using var get = await s3.GetObjectAsync(serve.Bucket, "k/one.csv");
        using var reader = new StreamReader(get.ResponseStream);
        Assert.Equal("a,b\n1,2\n", await reader.ReadToEndAsync());
        Assert.Equal(put.VersionId, get.VersionId);
    }

    [Fact]
    public async Task A_trailing_checksum_that_does_not_match_the_body_is_rejected_with_BadDigest()
    {
        var request = new PutObjectRequest { BucketName = serve.Bucket, Key = "k/bad.csv", ContentBody = "x\n", ChecksumCRC32 = "AAAAAA==" };
        var error = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.PutObjectAsync(request));
        Assert.Equal("BadDigest", error.ErrorCode);
        await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectMetadataAsync(serve.Bucket, "k/bad.csv"));
    }

    [Fact]
    public async Task GetObject_honours_Range_versionId_and_the_If_headers()
    {
        var first = await s3.PutObjectAsync(new PutObjectRequest { BucketName = serve.Bucket, Key = "r.txt", ContentBody = "0123456789" });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = serve.Bucket, Key = "r.txt", ContentBody = "abcdefghij" });

        using (var range = await s3.GetObjectAsync(new GetObjectRequest { BucketName = serve.Bucket, Key = "r.txt", ByteRange = new ByteRange(2, 4) }))
        {
            Assert.Equal(HttpStatusCode.PartialContent, range.HttpStatusCode);
            Assert.Equal("cde", await new StreamReader(range.ResponseStream).ReadToEndAsync());
            Assert.Equal("bytes 2-4/10", range.ContentRange);
        }

        using (var old = await s3.GetObjectAsync(new GetObjectRequest { BucketName = serve.Bucket, Key = "r.txt", VersionId = first.VersionId }))
        {
            Assert.Equal("0123456789", await new StreamReader(old.ResponseStream).ReadToEndAsync());
        }

        var failed = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(new GetObjectRequest { BucketName = serve.Bucket, Key = "r.txt", EtagToMatch = first.ETag }));
        Assert.Equal(HttpStatusCode.PreconditionFailed, failed.StatusCode);
        var notModified = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(new GetObjectRequest { BucketName = serve.Bucket, Key = "r.txt", VersionId = first.VersionId, EtagToNotMatch = first.ETag }));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        var unsatisfiable = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(new GetObjectRequest { BucketName = serve.Bucket, Key = "r.txt", ByteRange = new ByteRange(50, 60) }));
        Assert.Equal("InvalidRange", unsatisfiable.ErrorCode);
        var missing = await Assert.ThrowsAsync<NoSuchKeyException>(() => s3.GetObjectAsync(serve.Bucket, "nope.txt"));
        Assert.Equal("NoSuchKey", missing.ErrorCode);
    }

    [Fact]
    public async Task ListObjectsV2_pages_and_rolls_up_common_prefixes_and_ListVersions_shows_every_version()
    {
        foreach (var key in new[] { "a/1.csv", "a/2.csv", "b/x/1.csv", "c.csv" })
        {
            await s3.PutObjectAsync(new PutObjectRequest { BucketName = serve.Bucket, Key = key, ContentBody = key });
        }

        await s3.PutObjectAsync(new PutObjectRequest { BucketName = serve.Bucket, Key = "c.csv", ContentBody = "again" });

        var top = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = serve.Bucket, Delimiter = "/" });
        Assert.Equal(["a/", "b/"], top.CommonPrefixes);
        Assert.Equal(["c.csv"], top.S3Objects.Select(o => o.Key));

        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = serve.Bucket, MaxKeys = 3, ContinuationToken = token });
            keys.AddRange(page.S3Objects.Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token is not null);
        Assert.Equal(["a/1.csv", "a/2.csv", "b/x/1.csv", "c.csv"], keys);

        var versions = await s3.ListVersionsAsync(new ListVersionsRequest { BucketName = serve.Bucket, Prefix = "c.csv" });
        Assert.Equal(2, versions.Versions.Count);
        Assert.True(versions.Versions[0].IsLatest);
        Assert.False(versions.Versions[1].IsLatest);

        var versioning = await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest { BucketName = serve.Bucket });
        Assert.Equal(VersionStatus.Enabled, versioning.VersioningConfig.Status);

        await s3.DeleteObjectAsync(serve.Bucket, "c.csv");
        var after = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = serve.Bucket, Prefix = "c" });
        Assert.Empty(after.S3Objects ?? []);
    }

    [Fact]
    public async Task Multipart_upload_lists_its_parts_completes_with_the_md5_of_md5s_etag_and_abort_forgets_it()
    {
        var partSize = 5 * 1024 * 1024;
        var bytes = new byte[partSize + 1000];
        new Random(7).NextBytes(bytes);
        var create = await s3.InitiateMultipartUploadAsync(serve.Bucket, "mp/data.csv");
        var parts = new List<PartETag>();
        for (var i = 0; i < 2; i++)
        {
            var slice = bytes.AsMemory(i * partSize, i == 0 ? partSize : 1000).ToArray();
            var part = await s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = serve.Bucket, Key = "mp/data.csv", UploadId = create.UploadId, PartNumber = i + 1, InputStream = new MemoryStream(slice),
            });
            parts.Add(new PartETag(i + 1, part.ETag));
        }

        var listed = await s3.ListPartsAsync(serve.Bucket, "mp/data.csv", create.UploadId);
        Assert.Equal([partSize, 1000L], listed.Parts.Select(p => p.Size ?? 0));

        var uploads = await s3.ListMultipartUploadsAsync(serve.Bucket);
        Assert.Contains(uploads.MultipartUploads, u => u.UploadId == create.UploadId);

        var complete = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = serve.Bucket, Key = "mp/data.csv", UploadId = create.UploadId, PartETags = parts,
        });
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(
            [.. System.Security.Cryptography.MD5.HashData(bytes.AsSpan(0, partSize)), .. System.Security.Cryptography.MD5.HashData(bytes.AsSpan(partSize))])) + "-2";
        Assert.Equal("\"" + expected + "\"", complete.ETag);
        using (var get = await s3.GetObjectAsync(serve.Bucket, "mp/data.csv"))
        using (var copy = new MemoryStream())
        {
            await get.ResponseStream.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        var abandoned = await s3.InitiateMultipartUploadAsync(serve.Bucket, "mp/abandoned.csv");
        await s3.AbortMultipartUploadAsync(serve.Bucket, "mp/abandoned.csv", abandoned.UploadId);
        var gone = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.ListPartsAsync(serve.Bucket, "mp/abandoned.csv", abandoned.UploadId));
        Assert.Equal("NoSuchUpload", gone.ErrorCode);
    }

    [Fact]
    public async Task Completing_with_a_small_middle_part_or_a_wrong_etag_fails_as_on_S3()
    {
        var create = await s3.InitiateMultipartUploadAsync(serve.Bucket, "mp/small.csv");
        var one = await s3.UploadPartAsync(new UploadPartRequest { BucketName = serve.Bucket, Key = "mp/small.csv", UploadId = create.UploadId, PartNumber = 1, InputStream = new MemoryStream([1, 2, 3]) });
        var two = await s3.UploadPartAsync(new UploadPartRequest { BucketName = serve.Bucket, Key = "mp/small.csv", UploadId = create.UploadId, PartNumber = 2, InputStream = new MemoryStream([4]) });
        var tooSmall = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = serve.Bucket, Key = "mp/small.csv", UploadId = create.UploadId, PartETags = [new PartETag(1, one.ETag), new PartETag(2, two.ETag)],
        }));
        Assert.Equal("EntityTooSmall", tooSmall.ErrorCode);
        var wrong = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = serve.Bucket, Key = "mp/small.csv", UploadId = create.UploadId, PartETags = [new PartETag(1, two.ETag)],
        }));
        Assert.Equal("InvalidPart", wrong.ErrorCode);
    }

    [Fact]
    public async Task A_presigned_GET_works_and_a_tampered_one_is_refused()
    {
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = serve.Bucket, Key = "p/x.csv", ContentBody = "presigned" });
        var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = serve.Bucket, Key = "p/x.csv", Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Amazon.S3.Protocol.HTTP,
        });
        using var http = new HttpClient();
        Assert.Equal("presigned", await http.GetStringAsync(new Uri(url)));

        using var tampered = await http.GetAsync(new Uri(url.Replace("p/x.csv", "p/y.csv", StringComparison.Ordinal)));
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_keys_and_unsigned_requests_get_the_S3_errors()
    {
        using var stranger = serve.S3(new BasicAWSCredentials("someone-else", "secret"));
        var unknown = await Assert.ThrowsAsync<AmazonS3Exception>(() => stranger.ListObjectsV2Async(new ListObjectsV2Request { BucketName = serve.Bucket }));
        Assert.Equal("InvalidAccessKeyId", unknown.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);

        using var http = new HttpClient();
        using var anonymous = await http.GetAsync(new Uri($"{serve.Endpoint}/{serve.Bucket}?list-type=2"));
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.StatusCode);

        var otherBucket = await Assert.ThrowsAsync<NoSuchBucketException>(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "some-other-bucket" }));
        Assert.Equal("NoSuchBucket", otherBucket.ErrorCode);
    }

    [Fact]
    public async Task A_virtual_hosted_request_names_the_bucket_in_the_host()
    {
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = serve.Bucket, Key = "v/h.csv", ContentBody = "vh" });
        using var virtualHosted = new AmazonS3Client(ServeFixture.Credentials, new AmazonS3Config
        {
            ServiceURL = $"http://localhost:{serve.Host.Endpoint.Port}", ForcePathStyle = false, AuthenticationRegion = "us-east-1",
        });
        var handler = new SocketsHttpHandler { ConnectCallback = ConnectToServeAsync };
        using var http = new HttpClient(handler);
        var url = await virtualHosted.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = serve.Bucket, Key = "v/h.csv", Verb = HttpVerb.GET, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Amazon.S3.Protocol.HTTP,
        });
        Assert.StartsWith($"http://{serve.Bucket}.", url, StringComparison.Ordinal);
        Assert.Equal("vh", await http.GetStringAsync(new Uri(url)));
    }

    /// <summary>Resolves every host to serve, as a wildcard DNS entry for *.localhost would.</summary>
    private async ValueTask<Stream> ConnectToServeAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, serve.Host.Endpoint.Port, cancellationToken);
        return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
    }
}
