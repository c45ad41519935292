using FilePipeline.Testing.Emulators;
using FilePipeline.Aws.S3;
using FilePipeline.Aws.Tests.Emulators;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;
using FilePipeline.Testing.Contracts;

namespace FilePipeline.Aws.Tests.S3;

/// <summary>The object store contract on fauxqs's S3, which has no versioning: the version tests run on the embedded store only.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class S3ObjectStoreContractTests(AwsEmulators emulators) : ObjectStoreContract, IAsyncLifetime
{
    private readonly S3ObjectStore store = new(emulators.S3);

    protected override string Bucket { get; } = "uploads-" + Guid.NewGuid().ToString("N")[..12];

    protected override IObjectStore Store => store;

    public Task InitializeAsync() => emulators.S3.PutBucketAsync(Bucket);

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class S3ObjectStoreTests
{
    [Fact]
    public async Task An_unreachable_store_is_storage_unavailable()
    {
        using var unreachable = AwsEmulators.S3Client(AwsEmulators.Unreachable(), maxErrorRetry: 0);

        await Assert.ThrowsAsync<StorageUnavailableException>(() => new S3ObjectStore(unreachable).OpenReadAsync(new FileRef("uploads", "x.csv", "e"), CancellationToken.None));
    }
}
