using System.Security.Cryptography;
using System.Text;
using Amazon.Runtime;
using Amazon.S3;
using FilePipeline.Aws.S3;
using FilePipeline.Aws.Tests.Emulators;
using FilePipeline.Core;
using FilePipeline.Core.Errors;

namespace FilePipeline.Aws.Tests.S3;

[Collection(EmulatorCollection.Name)]
public sealed class S3ObjectStoreTests(FauxqsFixture fauxqs) : IAsyncLifetime
{
    private readonly string bucket = "uploads-" + Guid.NewGuid().ToString("N")[..12];
    private readonly S3ObjectStore store = new(fauxqs.S3);

    public Task InitializeAsync() => fauxqs.S3.PutBucketAsync(bucket);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_put_object_reads_back_byte_for_byte_with_its_md5_etag_and_size()
    {
        var bytes = Encoding.UTF8.GetBytes("id,name\n1,alpha\n2,beta\n");
        var info = await PutAsync("in/data.csv", bytes);

        await using var stored = await store.OpenReadAsync(new FileRef(bucket, "in/data.csv", info.ETag), CancellationToken.None);
        using var copy = new MemoryStream();
        await stored.Content.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
#pragma warning disable CA5351 // S3 defines a single-part ETag as the MD5 of the bytes.
        Assert.Equal(Convert.ToHexStringLower(MD5.HashData(bytes)), info.ETag);
#pragma warning restore CA5351
        Assert.Equal(bytes.Length, info.Size);
        Assert.Equal(info.ETag, stored.Info.ETag);
        Assert.Equal(bytes.Length, stored.Info.Size);
    }

    [Fact]
    public async Task Reading_with_an_etag_the_object_no_longer_has_is_an_object_changed_error()
    {
        var first = await PutAsync("report.csv", "a\n1\n"u8.ToArray());
        await PutAsync("report.csv", "a\n2\n"u8.ToArray());

        await Assert.ThrowsAsync<ObjectChangedException>(() => store.OpenReadAsync(new FileRef(bucket, "report.csv", first.ETag), CancellationToken.None));
        await Assert.ThrowsAsync<ObjectChangedException>(() => store.ReadPrefixAsync(new FileRef(bucket, "report.csv", first.ETag), 2, CancellationToken.None));
    }

    [Fact]
    public async Task Reading_a_missing_key_is_an_object_not_found_error()
    {
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => store.OpenReadAsync(new FileRef(bucket, "missing.csv", "d41d8cd98f00b204e9800998ecf8427e"), CancellationToken.None));
    }

    [Fact]
    public async Task A_prefix_read_returns_at_most_the_requested_bytes_from_the_start()
    {
        var info = await PutAsync("big.csv", Encoding.ASCII.GetBytes("header\n" + new string('x', 5000)));
        var file = new FileRef(bucket, "big.csv", info.ETag);

        var prefix = await store.ReadPrefixAsync(file, 7, CancellationToken.None);
        var whole = await store.ReadPrefixAsync(file, 100_000, CancellationToken.None);

        Assert.Equal("header\n", Encoding.ASCII.GetString(prefix.Span));
        Assert.Equal(5007, whole.Length);
    }

    [Fact]
    public async Task A_prefix_read_of_an_empty_object_is_empty()
    {
        var info = await PutAsync("empty.csv", []);

        var prefix = await store.ReadPrefixAsync(new FileRef(bucket, "empty.csv", info.ETag), 512, CancellationToken.None);

        Assert.True(prefix.IsEmpty);
    }

    [Fact]
    public async Task An_unreachable_store_is_storage_unavailable()
    {
        using var unreachable = new AmazonS3Client(new BasicAWSCredentials("test", "test"), new AmazonS3Config
        {
            ServiceURL = $"http://127.0.0.1:{EmulatorProcess.FreePort()}",
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 0,
        });

        await Assert.ThrowsAsync<StorageUnavailableException>(() => new S3ObjectStore(unreachable).OpenReadAsync(new FileRef(bucket, "x.csv", "e"), CancellationToken.None));
    }

    private async Task<Core.Ports.ObjectInfo> PutAsync(string key, byte[] bytes)
    {
        using var content = new MemoryStream(bytes);
        return await store.PutAsync(bucket, key, content, CancellationToken.None);
    }
}
