using FilePipeline.Core;
using FilePipeline.Local.Storage;
using static FilePipeline.Local.Tests.Objects.ObjectStoreTestBed;

namespace FilePipeline.Local.Tests.Objects;

/// <summary>
/// A put is: stream to objects/tmp, fsync, rename, then one transaction for the version row and its
/// event. These tests recreate what a kill -9 leaves at each step and check the next open.
/// </summary>
public sealed class PutCrashSafetyTests : IDisposable
{
    private readonly EmbeddedTestBed bed = new();

    public PutCrashSafetyTests() => bed.WithNotifyingBucketAsync().GetAwaiter().GetResult();

    public void Dispose() => bed.Dispose();

    [Fact]
    public async Task A_temp_file_left_by_a_crash_while_streaming_is_removed_when_the_store_opens()
    {
        var orphan = Path.Combine(bed.ObjectsDirectory, "tmp", Guid.CreateVersion7().ToString("N") + ".tmp");
        await File.WriteAllTextAsync(orphan, "half an upload");

        bed.Reopen().OpenObjectStore();

        Assert.False(File.Exists(orphan));
    }

    [Fact]
    public async Task A_temp_file_a_live_upload_still_holds_is_left_alone()
    {
        var inProgress = Path.Combine(bed.ObjectsDirectory, "tmp", Guid.CreateVersion7().ToString("N") + ".tmp");
        await using var upload = new FileStream(inProgress, FileMode.CreateNew, FileAccess.Write, FileShare.None);

        bed.Reopen().OpenObjectStore();

        Assert.True(File.Exists(inProgress));
    }

    [Fact]
    public async Task A_renamed_file_whose_transaction_never_committed_is_removed_when_the_store_opens()
    {
        var versionId = Guid.CreateVersion7().ToString("N");
        var orphan = Path.Combine(bed.ObjectsDirectory, versionId[^2..], versionId);
        Directory.CreateDirectory(Path.GetDirectoryName(orphan)!);
        await File.WriteAllTextAsync(orphan, "renamed, never committed");

        bed.Reopen().OpenObjectStore();

        Assert.False(File.Exists(orphan));
        Assert.Empty(await bed.EventsAsync());
    }

    [Fact]
    public async Task A_committed_put_is_readable_after_a_restart_and_its_event_is_queued_exactly_once()
    {
        var info = await bed.OpenObjectStore().PutTextAsync("kept.csv", "id\n1\n");

        var restarted = bed.Reopen();
        var store = restarted.OpenObjectStore();

        await using var stored = await store.OpenReadAsync(new FileRef(Bucket, "kept.csv", info.ETag, info.VersionId), CancellationToken.None);
        Assert.Equal("id\n1\n", await new StreamReader(stored.Content).ReadToEndAsync());
        Assert.Single(await restarted.EventsAsync());
    }

    [Fact]
    public async Task When_the_event_cannot_be_queued_the_object_is_not_stored_either()
    {
        var store = bed.OpenObjectStore();
        using (var connection = bed.Database.Open())
        {
            // The notification's queue disappears behind the store's back: the enqueue inside the put's transaction fails.
            LocalDatabase.Execute(connection, $"DELETE FROM queues WHERE name = '{EventQueue}'");
        }

        await Assert.ThrowsAnyAsync<Exception>(() => store.PutTextAsync("lonely.csv", "x"));

        Assert.Empty(await store.ListObjectVersionsAsync(Bucket, null, CancellationToken.None));
        Assert.Empty(bed.ObjectFiles());
    }

    [Fact]
    public async Task A_source_stream_that_fails_midway_leaves_no_version_no_file_and_no_event()
    {
        var store = bed.OpenObjectStore();

        await Assert.ThrowsAsync<IOException>(() => store.PutAsync(Bucket, "broken.csv", new FailingStream(), CancellationToken.None));

        Assert.Empty(await store.ListObjectVersionsAsync(Bucket, null, CancellationToken.None));
        Assert.Empty(bed.ObjectFiles());
        Assert.Empty(await bed.EventsAsync());
    }

    /// <summary>Yields some bytes, then fails like a dropped connection.</summary>
    private sealed class FailingStream : Stream
    {
        private bool served;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (served)
            {
                throw new IOException("connection reset");
            }

            served = true;
            buffer.AsSpan(offset, count).Fill((byte)'x');
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
