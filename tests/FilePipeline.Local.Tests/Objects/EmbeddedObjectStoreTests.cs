using System.Text;
using System.Text.Json;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Local.Objects;
using FilePipeline.Local.Queues;
using static FilePipeline.Local.Tests.Objects.ObjectStoreTestBed;
using InvalidObjectKeyException = FilePipeline.Local.Objects.InvalidObjectKeyException;

namespace FilePipeline.Local.Tests.Objects;

public sealed class EmbeddedObjectStoreTests : IDisposable
{
    private readonly EmbeddedTestBed bed = new();
    private readonly EmbeddedObjectStore store;

    public EmbeddedObjectStoreTests() => store = bed.WithNotifyingBucketAsync().GetAwaiter().GetResult();

    public void Dispose() => bed.Dispose();

    [Theory]
    [InlineData("")]
    [InlineData("../escape.csv")]
    [InlineData("a/../../escape.csv")]
    [InlineData("a/./b.csv")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData("dir\\file.csv")]
    [InlineData("tab\there.csv")]
    [InlineData("new\nline.csv")]
    [InlineData("nul\0.csv")]
    public async Task Unsafe_keys_are_refused_and_nothing_is_stored(string key)
    {
        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => store.PutTextAsync(key, "x"));

        Assert.Empty(bed.ObjectFiles());
        Assert.Empty(await bed.EventsAsync());
    }

    [Fact]
    public async Task A_key_may_be_1024_bytes_of_UTF8_but_not_more()
    {
        await store.PutTextAsync(new string('é', 512), "x");

        await Assert.ThrowsAsync<InvalidObjectKeyException>(() => store.PutTextAsync(new string('é', 512) + "a", "x"));
    }

    [Theory]
    [InlineData("a..b.csv")]
    [InlineData("dir/.hidden")]
    [InlineData("trailing/")]
    public async Task Keys_that_only_look_like_paths_are_accepted(string key)
    {
        var info = await store.PutTextAsync(key, "x");

        Assert.Equal(key, info.Key);
    }

    [Fact]
    public async Task Files_are_stored_by_version_id_so_the_key_never_reaches_the_file_system()
    {
        var info = await store.PutTextAsync("secret-name.csv", "x");

        var file = Assert.Single(bed.ObjectFiles());
        Assert.Equal(Path.Combine(info.VersionId![^2..], info.VersionId), file);
        Assert.DoesNotContain("secret", file, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_put_queues_one_ObjectCreated_Put_event_in_S3s_exact_shape()
    {
        var info = await store.PutTextAsync("incoming/Q1 report+final (v2).csv", "id\n1\n");

        var body = Assert.Single(await bed.EventsAsync());
        using var json = JsonDocument.Parse(body);
        var record = Assert.Single(json.RootElement.GetProperty("Records").EnumerateArray());
        Assert.Equal("2.1", record.GetProperty("eventVersion").GetString());
        Assert.Equal("aws:s3", record.GetProperty("eventSource").GetString());
        Assert.Equal("us-east-1", record.GetProperty("awsRegion").GetString());
        Assert.Equal("2026-01-02T03:04:05.000Z", record.GetProperty("eventTime").GetString());
        Assert.Equal("ObjectCreated:Put", record.GetProperty("eventName").GetString());
        Assert.Equal("127.0.0.1", record.GetProperty("requestParameters").GetProperty("sourceIPAddress").GetString());
        Assert.True(record.GetProperty("userIdentity").TryGetProperty("principalId", out _));
        Assert.True(record.GetProperty("responseElements").TryGetProperty("x-amz-request-id", out _));
        var s3 = record.GetProperty("s3");
        Assert.Equal("1.0", s3.GetProperty("s3SchemaVersion").GetString());
        Assert.Equal(ConfigurationId, s3.GetProperty("configurationId").GetString());
        Assert.Equal(Bucket, s3.GetProperty("bucket").GetProperty("name").GetString());
        Assert.Equal("arn:aws:s3:::uploads", s3.GetProperty("bucket").GetProperty("arn").GetString());
        Assert.True(s3.GetProperty("bucket").GetProperty("ownerIdentity").TryGetProperty("principalId", out _));
        var s3Object = s3.GetProperty("object");
        Assert.Equal("incoming/Q1+report%2Bfinal+%28v2%29.csv", s3Object.GetProperty("key").GetString());
        Assert.Equal(info.Size, s3Object.GetProperty("size").GetInt64());
        Assert.Equal(info.ETag, s3Object.GetProperty("eTag").GetString());
        Assert.Equal(info.VersionId, s3Object.GetProperty("versionId").GetString());
        Assert.Matches("^[0-9A-F]{16}$", s3Object.GetProperty("sequencer").GetString());
    }

    [Theory]
    [InlineData("my file.csv", "my+file.csv")]
    [InlineData("a+b.csv", "a%2Bb.csv")]
    [InlineData("test_file(3).png", "test_file%283%29.png")]
    [InlineData("dir/sub/été.csv", "dir/sub/%C3%A9t%C3%A9.csv")]
    [InlineData("a&b=c?.csv", "a%26b%3Dc%3F.csv")]
    public async Task Event_keys_are_form_URL_encoded_as_S3_encodes_them(string key, string encoded)
    {
        await store.PutTextAsync(key, "x");

        using var json = JsonDocument.Parse(Assert.Single(await bed.EventsAsync()));
        Assert.Equal(encoded, json.RootElement.GetProperty("Records")[0].GetProperty("s3").GetProperty("object").GetProperty("key").GetString());
    }

    [Fact]
    public async Task Sequencers_grow_with_each_put_of_a_key()
    {
        await store.PutTextAsync("k.csv", "1");
        await store.PutTextAsync("k.csv", "2");

        var sequencers = (await bed.EventsAsync())
            .Select(body => JsonDocument.Parse(body).RootElement.GetProperty("Records")[0].GetProperty("s3").GetProperty("object").GetProperty("sequencer").GetString()!)
            .ToList();
        Assert.True(string.CompareOrdinal(sequencers[0], sequencers[1]) < 0);
    }

    [Fact]
    public async Task A_bucket_without_a_notification_queues_no_events()
    {
        await store.CreateBucketAsync("quiet", notification: null, CancellationToken.None);

        await store.PutAsync("quiet", "a.csv", new MemoryStream("x"u8.ToArray()), CancellationToken.None);

        Assert.Empty(await bed.EventsAsync());
    }

    [Fact]
    public async Task A_notification_must_name_an_existing_queue()
    {
        var error = await Assert.ThrowsAsync<QueueOperationException>(() => store.CreateBucketAsync("other", new BucketNotification("missing", "id"), CancellationToken.None));

        Assert.Equal(QueueErrorCodes.QueueDoesNotExist, error.ErrorCode);
    }

    [Fact]
    public async Task A_put_to_a_bucket_that_was_never_created_fails_and_leaves_nothing_behind()
    {
        await Assert.ThrowsAsync<NoSuchBucketException>(() => store.PutAsync("never-created", "a.csv", new MemoryStream("x"u8.ToArray()), CancellationToken.None));

        Assert.Empty(bed.ObjectFiles());
    }

    [Theory]
    [InlineData("UPPER")]
    [InlineData("a")]
    [InlineData("under_score")]
    public async Task Bucket_names_follow_S3_rules(string bucket)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => store.CreateBucketAsync(bucket, null, CancellationToken.None));
    }

    [Fact]
    public async Task Listing_versions_shows_every_version_newest_first_and_marks_the_latest()
    {
        var v1 = await store.PutTextAsync("reports/a.csv", "1");
        var v2 = await store.PutTextAsync("reports/a.csv", "2");
        var other = await store.PutTextAsync("reports/b.csv", "b");
        await store.PutTextAsync("elsewhere.csv", "e");

        var versions = await store.ListObjectVersionsAsync(Bucket, "reports/", CancellationToken.None);

        Assert.Equal([v2.VersionId, v1.VersionId, other.VersionId], versions.Select(v => v.Info.VersionId));
        Assert.Equal([true, false, true], versions.Select(v => v.IsLatest));
    }

    [Fact]
    public async Task Deleting_a_version_removes_only_that_version_and_its_file()
    {
        var v1 = await store.PutTextAsync("k.csv", "1");
        var v2 = await store.PutTextAsync("k.csv", "2");

        Assert.Equal(1, await store.DeleteObjectAsync(Bucket, "k.csv", v2.VersionId, CancellationToken.None));

        var remaining = Assert.Single(await store.ListObjectVersionsAsync(Bucket, null, CancellationToken.None));
        Assert.Equal(v1.VersionId, remaining.Info.VersionId);
        Assert.True(remaining.IsLatest);
        Assert.Single(bed.ObjectFiles());
        await using var current = await store.OpenReadAsync(new FileRef(Bucket, "k.csv", v1.ETag), CancellationToken.None);
        Assert.Equal(v1.VersionId, current.Info.VersionId);
    }

    [Fact]
    public async Task Deleting_a_key_removes_all_its_versions_without_delete_markers()
    {
        var v1 = await store.PutTextAsync("k.csv", "1");
        await store.PutTextAsync("k.csv", "2");

        Assert.Equal(2, await store.DeleteObjectAsync(Bucket, "k.csv", null, CancellationToken.None));

        Assert.Empty(await store.ListObjectVersionsAsync(Bucket, null, CancellationToken.None));
        Assert.Empty(bed.ObjectFiles());
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.OpenReadAsync(new FileRef(Bucket, "k.csv", v1.ETag, v1.VersionId), CancellationToken.None));
    }

    [Fact]
    public async Task An_open_stream_keeps_reading_after_its_version_is_deleted()
    {
        var info = await store.PutTextAsync("k.csv", "still here");
        await using var open = await store.OpenReadAsync(new FileRef(Bucket, "k.csv", info.ETag, info.VersionId), CancellationToken.None);

        await store.DeleteObjectAsync(Bucket, "k.csv", null, CancellationToken.None);

        Assert.Equal("still here", await new StreamReader(open.Content, Encoding.UTF8).ReadToEndAsync());
    }
}
