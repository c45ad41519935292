using System.Diagnostics;
using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;
using FilePipeline.Serve;
using FilePipeline.Testing.Emulators;

namespace FilePipeline.Cli.Tests.Crash;

/// <summary>
/// The real <c>filepipeline serve</c> binary, driven by AWSSDK.S3, killed with kill -9 during a multipart
/// upload and during processing, and stopped with SIGTERM during an upload: nothing is lost or recorded twice.
/// </summary>
public sealed class ServeCrashTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    private readonly PipelineProcess pipeline = new();
    private readonly int port = LoopbackPort.Free();

    [Fact]
    public async Task An_unfinished_multipart_upload_survives_kill_9_and_can_be_completed_or_aborted_after_restart()
    {
        var part = new byte[5 * 1024 * 1024];
        Array.Fill(part, (byte)'\n');
        "id\n"u8.CopyTo(part);
        string uploadId, abandonedId;
        using (var serve = await StartServeAsync(faults: null))
        {
            using var s3 = Client();
            uploadId = (await s3.InitiateMultipartUploadAsync(Bucket, "mp/rows.csv")).UploadId;
            abandonedId = (await s3.InitiateMultipartUploadAsync(Bucket, "mp/abandoned.csv")).UploadId;
            await s3.UploadPartAsync(new UploadPartRequest { BucketName = Bucket, Key = "mp/rows.csv", UploadId = uploadId, PartNumber = 1, InputStream = new MemoryStream(part) });

            // Part 2 is in flight (half sent) when serve is killed.
            var gate = new GatedStream(new MemoryStream("1\n2\n3\n"u8.ToArray()), releaseAfter: 2);
            using var http = new HttpClient();
            var url = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
            {
                BucketName = Bucket, Key = "mp/rows.csv", Verb = HttpVerb.PUT, UploadId = uploadId, PartNumber = 2, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Amazon.S3.Protocol.HTTP,
            });
            var inFlight = http.PutAsync(new Uri(url), new StreamContent(gate) { Headers = { ContentLength = 6 } });
            await gate.Reached.WaitAsync(Limit);
            serve.Kill();
            await serve.WaitAsync(Limit);
            gate.Release();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => inFlight);
        }

        using (var serve = await StartServeAsync(faults: null))
        {
            using var s3 = Client();
            var uploads = await s3.ListMultipartUploadsAsync(Bucket);
            Assert.Equal(new[] { abandonedId, uploadId }.Order(), uploads.MultipartUploads.Select(u => u.UploadId).Order());
            var parts = await s3.ListPartsAsync(Bucket, "mp/rows.csv", uploadId);
            Assert.Equal([1], parts.Parts.Select(p => p.PartNumber ?? 0));

            var two = await s3.UploadPartAsync(new UploadPartRequest { BucketName = Bucket, Key = "mp/rows.csv", UploadId = uploadId, PartNumber = 2, InputStream = new MemoryStream("1\n2\n3\n"u8.ToArray()) });
            var complete = await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = Bucket, Key = "mp/rows.csv", UploadId = uploadId, PartETags = [new PartETag(1, parts.Parts[0].ETag), new PartETag(2, two.ETag)],
            });
            await s3.AbortMultipartUploadAsync(Bucket, "mp/abandoned.csv", abandonedId);
            Assert.Empty((await s3.ListMultipartUploadsAsync(Bucket)).MultipartUploads ?? []);

            var file = await SettledAsync(complete.ETag.Trim('"'));
            Assert.Equal("PROCESSED", file["status"]!.GetValue<string>());
            Assert.Equal(3, file["rowCount"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Serve_killed_during_processing_records_the_upload_exactly_once_after_restart()
    {
        string eTag;
        using (var serve = await StartServeAsync("exit-after=InspectFile"))
        {
            using var s3 = Client();
            eTag = (await s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "in/kill.csv", ContentBody = "a,b\n1,2\n3,4\n" })).ETag.Trim('"');
            Assert.Equal(137, await serve.WaitAsync(Limit));
        }

        using (await StartServeAsync(faults: null))
        {
            var file = await SettledAsync(eTag);
            Assert.Equal("PROCESSED", file["status"]!.GetValue<string>());
            Assert.Equal(2, file["rowCount"]!.GetValue<int>());
        }

        var files = await pipeline.JsonAsync("files");
        Assert.Single(files);
        var executions = await pipeline.JsonAsync("executions", "list");
        Assert.Single(executions, e => e["status"]!.GetValue<string>() == "SUCCEEDED" && e["outcome"]?.GetValue<string>() == "PROCESSED");
    }

    [Fact]
    public async Task SIGTERM_lets_an_upload_in_flight_finish_and_stops()
    {
        using var serve = await StartServeAsync(faults: null);
        using var s3 = Client();
        var url = new Uri(await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
        {
            BucketName = Bucket, Key = "in/term.csv", Verb = HttpVerb.PUT, Expires = DateTime.UtcNow.AddMinutes(5), Protocol = Amazon.S3.Protocol.HTTP,
        }));

        // A raw connection, so the request is surely inside serve (headers and 2 of 6 bytes sent) when SIGTERM arrives.
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        var connection = client.GetStream();
        await connection.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"PUT {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\nContent-Length: 6\r\n\r\nx\n"));
        await connection.FlushAsync();
        await UploadBeingWrittenAsync();
        using (var term = Process.Start("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await connection.WriteAsync("1\n2\n"u8.ToArray());
        using var reader = new StreamReader(connection);
        Assert.Equal("HTTP/1.1 200 OK", await reader.ReadLineAsync());
        string? line;
        var eTag = "";
        while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync()))
        {
            if (line.StartsWith("ETag:", StringComparison.OrdinalIgnoreCase))
            {
                eTag = line["ETag:".Length..].Trim().Trim('"');
            }
        }

        client.Close();
        // 0 once serve has stopped; 143 (128 + SIGTERM) when System.CommandLine's termination timeout ended the wait first.
        var exit = await serve.WaitAsync(Limit);
        Assert.True(exit is 0 or 143, $"serve exited {exit}: {serve.Output}");
        Assert.Contains("stopping", serve.Output, StringComparison.Ordinal);

        using (await StartServeAsync(faults: null))
        {
            var file = await SettledAsync(eTag);
            Assert.Equal(2, file["rowCount"]!.GetValue<int>());
        }
    }

    public void Dispose() => pipeline.Dispose();

    private static string Bucket => "filepipeline-uploads-123456789012-us-east-1";

    private AmazonS3Client Client() =>
        new(new Amazon.Runtime.BasicAWSCredentials(ServeOptions.DefaultAccessKeyId, ServeOptions.DefaultSecretAccessKey),
            new AmazonS3Config { ServiceURL = $"http://127.0.0.1:{port}", ForcePathStyle = true, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });

    private async Task<RunningCommand> StartServeAsync(string? faults)
    {
        var serve = pipeline.Start(faults, shortVisibility: true, "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var deadline = DateTime.UtcNow + Limit;
        while (!serve.Output.Contains("serving ", StringComparison.Ordinal))
        {
            Assert.False(serve.HasExited, "serve exited: " + serve.Output);
            Assert.True(DateTime.UtcNow < deadline, "serve did not start: " + serve.Output);
            await Task.Delay(50);
        }

        return serve;
    }

    private async Task UploadBeingWrittenAsync()
    {
        var temp = Path.Combine(pipeline.StateDirectory, "objects", "tmp");
        var deadline = DateTime.UtcNow + Limit;
        while (!Directory.Exists(temp) || !Directory.EnumerateFiles(temp).Any())
        {
            Assert.True(DateTime.UtcNow < deadline, "serve never started writing the upload");
            await Task.Delay(20);
        }
    }

    private async Task<JsonObject> SettledAsync(string eTag)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (true)
        {
            var file = (await pipeline.JsonAsync("files")).FirstOrDefault(f => f["eTag"]?.GetValue<string>() == eTag);
            if (file is not null && file["status"]!.GetValue<string>() is "PROCESSED" or "REJECTED")
            {
                return file;
            }

            Assert.True(DateTime.UtcNow < deadline, "the upload was not processed: " + file?.ToJsonString());
            await Task.Delay(200);
        }
    }
}
