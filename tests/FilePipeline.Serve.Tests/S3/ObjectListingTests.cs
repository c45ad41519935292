using FilePipeline.Core.Ports;
using FilePipeline.Serve.S3;

namespace FilePipeline.Serve.Tests.S3;

public sealed class ObjectListingTests
{
    private static readonly ObjectInfo[] Objects =
        [.. new[] { "a/1", "a/2", "b", "c/x/1", "c/y" }.Select(key => new ObjectInfo("bucket", key, "e", 1, "v", DateTimeOffset.UnixEpoch))];

    [Fact]
    public void A_delimiter_rolls_keys_up_into_common_prefixes_each_counting_once()
    {
        var listing = ObjectListing.Of(Objects, "", "/", "", 1000);

        Assert.Equal(["b"], listing.Contents.Select(o => o.Key));
        Assert.Equal(["a/", "c/"], listing.CommonPrefixes);
        Assert.Null(listing.NextMarker);
    }

    [Fact]
    public void Pages_continue_after_a_common_prefix_without_repeating_it()
    {
        var first = ObjectListing.Of(Objects, "", "/", "", 1);
        Assert.Equal(["a/"], first.CommonPrefixes);
        var second = ObjectListing.Of(Objects, "", "/", first.NextMarker!, 1);
        Assert.Equal(["b"], second.Contents.Select(o => o.Key));
        var third = ObjectListing.Of(Objects, "", "/", second.NextMarker!, 1);
        Assert.Equal(["c/"], third.CommonPrefixes);
        Assert.Null(third.NextMarker);
    }

    [Fact]
    public void A_prefix_scopes_the_rollup_to_the_next_level()
    {
        var listing = ObjectListing.Of(Objects.Where(o => o.Key.StartsWith("c/", StringComparison.Ordinal)), "c/", "/", "", 1000);

        Assert.Equal(["c/y"], listing.Contents.Select(o => o.Key));
        Assert.Equal(["c/x/"], listing.CommonPrefixes);
    }
}
