using FilePipeline.Serve.Protocol;
using FilePipeline.Serve.S3;

namespace FilePipeline.Serve.Tests.S3;

public sealed class ByteRangeTests
{
    [Theory]
    [InlineData("bytes=0-0", 0, 1)]
    [InlineData("bytes=2-4", 2, 3)]
    [InlineData("bytes=7-", 7, 3)]
    [InlineData("bytes=-4", 6, 4)]
    [InlineData("bytes=5-100", 5, 5)]
    [InlineData("bytes=-100", 0, 10)]
    public void A_single_range_is_clamped_to_the_object(string header, long offset, long length) =>
        Assert.Equal((offset, length), ByteRange.Parse(header, 10));

    [Theory]
    [InlineData("")]
    [InlineData("bytes=0-1,3-4")]
    [InlineData("items=0-1")]
    [InlineData("bytes=5-2")]
    public void A_range_S3_cannot_use_returns_the_whole_object(string header) => Assert.Null(ByteRange.Parse(header, 10));

    [Fact]
    public void A_range_starting_past_the_end_is_InvalidRange() =>
        Assert.Equal(416, Assert.Throws<AwsErrorException>(() => ByteRange.Parse("bytes=10-", 10)).Status);
}
