using FilePipeline.Core.Ports;
using FilePipeline.Local.Objects;
using FilePipeline.Local.Queues;

namespace FilePipeline.Local.Tests.Objects;

/// <summary>Shortcuts the object store tests share: a bucket whose puts notify the <see cref="EventQueue"/>.</summary>
internal static class ObjectStoreTestBed
{
    public const string Bucket = "uploads";
    public const string EventQueue = "validate-upload-events";
    public const string ConfigurationId = "ValidateUploadOnCreate";

    public static async Task<EmbeddedObjectStore> WithNotifyingBucketAsync(this EmbeddedTestBed bed)
    {
        await bed.Queues.CreateQueueAsync(EventQueue, new QueueAttributes(), CancellationToken.None);
        var store = bed.OpenObjectStore();
        await store.CreateBucketAsync(Bucket, new BucketNotification(EventQueue, ConfigurationId), CancellationToken.None);
        return store;
    }

    public static Task<ObjectInfo> PutTextAsync(this IObjectStore store, string key, string text) =>
        store.PutAsync(Bucket, key, new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text)), CancellationToken.None);

    public static async Task<IReadOnlyList<string>> EventsAsync(this EmbeddedTestBed bed) =>
        [.. (await bed.Queues.ListMessagesAsync(EventQueue, CancellationToken.None)).Select(m => m.Body)];

    /// <summary>Every file under objects/, relative, except the temp folder itself.</summary>
    public static IReadOnlyList<string> ObjectFiles(this EmbeddedTestBed bed) =>
        [.. Directory.EnumerateFiles(bed.ObjectsDirectory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(bed.ObjectsDirectory, f))];
}
