using FilePipeline.Core.Errors;

namespace FilePipeline.Testing.Contracts;

/// <summary>What an <see cref="Core.Ports.IObjectStore"/> over a versioned bucket must do besides <see cref="ObjectStoreContract"/>: every put is a version that stays readable when pinned.</summary>
public abstract class VersionedObjectStoreContract : ObjectStoreContract
{
    /// <summary>Permanently deletes one version (S3 DeleteObject with a VersionId).</summary>
    protected abstract Task DeleteVersionAsync(string key, string versionId);

    [Fact]
    public async Task Put_reports_the_version_it_created()
    {
        var info = await PutAsync("uploads/a.csv", "id\n1\n"u8.ToArray());

        Assert.False(string.IsNullOrEmpty(info.VersionId));
    }

    [Fact]
    public async Task Every_put_creates_a_new_version_and_a_pinned_older_version_still_reads_its_own_bytes()
    {
        var first = await PutAsync("k.csv", "first"u8.ToArray());
        var second = await PutAsync("k.csv", "second"u8.ToArray());

        Assert.NotEqual(first.VersionId, second.VersionId);
        Assert.Equal("first", await ReadTextAsync(Pinned(first)));
        Assert.Equal("second", await ReadTextAsync(Pinned(second)));
    }

    [Fact]
    public async Task Reading_a_pinned_version_with_another_ETag_throws_ObjectChanged()
    {
        var info = await PutAsync("pinned.csv", "x"u8.ToArray());

        var wrongETag = Pinned(info) with { ETag = Md5Hex("y"u8.ToArray()) };

        await Assert.ThrowsAsync<ObjectChangedException>(() => Store.OpenReadAsync(wrongETag, CancellationToken.None));
    }

    [Fact]
    public async Task Reading_a_deleted_version_throws_ObjectNotFound()
    {
        var info = await PutAsync("gone.csv", "bytes"u8.ToArray());
        await DeleteVersionAsync("gone.csv", info.VersionId!);

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync(Pinned(info), CancellationToken.None));
    }
}
