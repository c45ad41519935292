using System.Security.Cryptography;
using System.Text;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;

namespace FilePipeline.Testing.Contracts;

/// <summary>
/// What every <see cref="IObjectStore"/> adapter must do, versioned bucket or not; a subclass supplies the
/// adapter. A store over a versioned bucket subclasses <see cref="VersionedObjectStoreContract"/> instead,
/// which adds the version tests (an emulator without versioning cannot run them, so it does not inherit them).
/// </summary>
public abstract class ObjectStoreContract
{
    /// <summary>A bucket that exists and is empty.</summary>
    protected abstract string Bucket { get; }

    /// <summary>The adapter under test, over <see cref="Bucket"/>.</summary>
    protected abstract IObjectStore Store { get; }

    [Fact]
    public async Task Put_reports_the_MD5_of_the_bytes_as_ETag_in_lower_case_without_quotes_and_the_size()
    {
        var bytes = Encoding.UTF8.GetBytes("id,name\n1,Ada\n");

        var info = await PutAsync("uploads/a.csv", bytes);

        Assert.Equal(Md5Hex(bytes), info.ETag);
        Assert.Equal(bytes.Length, info.Size);
        Assert.Equal(Bucket, info.Bucket);
        Assert.Equal("uploads/a.csv", info.Key);
    }

    [Fact]
    public async Task An_empty_object_has_the_MD5_of_no_bytes()
    {
        var info = await PutAsync("empty.csv", []);

        Assert.Equal("d41d8cd98f00b204e9800998ecf8427e", info.ETag);
        Assert.Equal(0, info.Size);
    }

    [Fact]
    public async Task Reading_without_a_version_gives_the_current_bytes_while_the_ETag_matches()
    {
        var info = await PutAsync("current.csv", "a,b\n"u8.ToArray());

        await using var stored = await Store.OpenReadAsync(new FileRef(Bucket, "current.csv", info.ETag), CancellationToken.None);

        Assert.Equal(info.ETag, stored.Info.ETag);
        Assert.Equal(info.Size, stored.Info.Size);
        Assert.Equal("a,b\n", await new StreamReader(stored.Content).ReadToEndAsync());
    }

    [Fact]
    public async Task Reading_without_a_version_after_new_content_was_put_throws_ObjectChanged()
    {
        var old = await PutAsync("changing.csv", "old"u8.ToArray());
        await PutAsync("changing.csv", "new"u8.ToArray());

        await Assert.ThrowsAsync<ObjectChangedException>(() => Store.OpenReadAsync(new FileRef(Bucket, "changing.csv", old.ETag), CancellationToken.None));
    }

    [Fact]
    public async Task Reading_a_key_that_was_never_put_throws_ObjectNotFound()
    {
        var missing = new FileRef(Bucket, "never-uploaded.csv", "d41d8cd98f00b204e9800998ecf8427e");

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync(missing, CancellationToken.None));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.ReadPrefixAsync(missing, 10, CancellationToken.None));
    }

    [Fact]
    public async Task ReadPrefix_returns_the_first_count_bytes()
    {
        var info = await PutAsync("prefix.csv", "0123456789"u8.ToArray());

        var prefix = await Store.ReadPrefixAsync(Pinned(info), 4, CancellationToken.None);

        Assert.Equal("0123", Encoding.UTF8.GetString(prefix.Span));
    }

    [Fact]
    public async Task ReadPrefix_of_an_object_shorter_than_count_returns_all_of_it()
    {
        var info = await PutAsync("short.csv", "abc"u8.ToArray());

        var prefix = await Store.ReadPrefixAsync(Pinned(info), 4096, CancellationToken.None);

        Assert.Equal("abc", Encoding.UTF8.GetString(prefix.Span));
    }

    [Fact]
    public async Task ReadPrefix_of_an_empty_object_is_empty()
    {
        var info = await PutAsync("empty-prefix.csv", []);

        var prefix = await Store.ReadPrefixAsync(Pinned(info), 512, CancellationToken.None);

        Assert.True(prefix.IsEmpty);
    }

    [Fact]
    public async Task ReadPrefix_checks_the_ETag_like_OpenRead()
    {
        var old = await PutAsync("prefix-changed.csv", "old"u8.ToArray());
        await PutAsync("prefix-changed.csv", "new"u8.ToArray());

        await Assert.ThrowsAsync<ObjectChangedException>(() => Store.ReadPrefixAsync(new FileRef(Bucket, "prefix-changed.csv", old.ETag), 2, CancellationToken.None));
    }

    [Fact]
    public async Task A_multi_megabyte_object_from_a_non_seekable_stream_round_trips_byte_for_byte()
    {
        var bytes = new byte[(3 * 1024 * 1024) + 17];
        new Random(42).NextBytes(bytes);

        var info = await Store.PutAsync(Bucket, "big.bin", new ForwardOnlyStream(bytes), CancellationToken.None);

        Assert.Equal(Md5Hex(bytes), info.ETag);
        await using var stored = await Store.OpenReadAsync(Pinned(info), CancellationToken.None);
        using var copy = new MemoryStream();
        await stored.Content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Theory]
    [InlineData("reports/2026 Q1/sales (final).csv")]
    [InlineData("données/été.csv")]
    [InlineData("a+b=c&d.csv")]
    public async Task Keys_with_spaces_symbols_and_non_ASCII_letters_round_trip(string key)
    {
        var info = await PutAsync(key, "x"u8.ToArray());

        Assert.Equal(key, info.Key);
        Assert.Equal("x", await ReadTextAsync(new FileRef(Bucket, key, info.ETag)));
    }

    protected Task<ObjectInfo> PutAsync(string key, byte[] bytes) => Store.PutAsync(Bucket, key, new MemoryStream(bytes), CancellationToken.None);

    protected static FileRef Pinned(ObjectInfo info) => new(info.Bucket, info.Key, info.ETag, info.VersionId);

    /// <summary>S3's ETag of a single-part upload: the MD5 of the bytes, as lower-case hex.</summary>
    protected static string Md5Hex(byte[] bytes)
    {
#pragma warning disable CA5351 // The ETag is an MD5 by S3's definition.
        return Convert.ToHexStringLower(MD5.HashData(bytes));
#pragma warning restore CA5351
    }

    protected async Task<string> ReadTextAsync(FileRef file)
    {
        await using var stored = await Store.OpenReadAsync(file, CancellationToken.None);
        return await new StreamReader(stored.Content).ReadToEndAsync();
    }

    /// <summary>A stream that can only be read forward, like a network body.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
