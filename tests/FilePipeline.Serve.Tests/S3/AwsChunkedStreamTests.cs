using System.Text;
using FilePipeline.Serve.Protocol;
using FilePipeline.Serve.S3;

namespace FilePipeline.Serve.Tests.S3;

public sealed class AwsChunkedStreamTests
{
    // CRC32 of "hello world" is 0x0D4A1185; S3 sends it big-endian, base64.
    private const string HelloWorldCrc32 = "DUoRhQ==";

    [Fact]
    public async Task An_unsigned_body_with_a_checksum_trailer_decodes_to_its_data()
    {
        var body = "6\r\nhello \r\n5\r\nworld\r\n0\r\nx-amz-checksum-crc32:" + HelloWorldCrc32 + "\r\n\r\n";

        Assert.Equal("hello world", await DecodeAsync(body, new PayloadChecks(null, null, 11, "x-amz-checksum-crc32", null)));
    }

    [Fact]
    public async Task A_trailer_checksum_that_does_not_match_is_BadDigest()
    {
        var body = "b\r\nhello world\r\n0\r\nx-amz-checksum-crc32:AAAAAA==\r\n\r\n";

        var error = await Assert.ThrowsAsync<AwsErrorException>(() => DecodeAsync(body, new PayloadChecks(null, null, 11, "x-amz-checksum-crc32", null)));
        Assert.Equal("BadDigest", error.Code);
    }

    [Fact]
    public async Task A_body_shorter_than_its_decoded_length_is_IncompleteBody()
    {
        var body = "5\r\nhello\r\n0\r\n\r\n";

        var error = await Assert.ThrowsAsync<AwsErrorException>(() => DecodeAsync(body, new PayloadChecks(null, null, 11, null, null)));
        Assert.Equal("IncompleteBody", error.Code);
    }

    [Fact]
    public async Task A_chunk_longer_than_its_declared_size_is_refused()
    {
        var body = "3\r\nhello\r\n0\r\n\r\n";

        var error = await Assert.ThrowsAsync<AwsErrorException>(() => DecodeAsync(body, new PayloadChecks(null, null, null, null, null)));
        Assert.Equal("InvalidChunkSizeError", error.Code);
    }

    [Fact]
    public async Task A_signed_chunk_whose_signature_is_wrong_is_SignatureDoesNotMatch()
    {
        var signatures = new ChunkSignatures(new byte[32], "20260101T000000Z", "20260101/us-east-1/s3/aws4_request", new string('0', 64));
        var body = "5;chunk-signature=" + new string('1', 64) + "\r\nhello\r\n0;chunk-signature=" + new string('2', 64) + "\r\n\r\n";
        await using var stream = new AwsChunkedStream(new MemoryStream(Encoding.ASCII.GetBytes(body)), signatures, new PayloadChecks(null, null, null, null, null));

        var error = await Assert.ThrowsAsync<AwsErrorException>(() => stream.CopyToAsync(Stream.Null));
        Assert.Equal("SignatureDoesNotMatch", error.Code);
    }

    private static async Task<string> DecodeAsync(string body, PayloadChecks checks)
    {
        await using var stream = new AwsChunkedStream(new MemoryStream(Encoding.ASCII.GetBytes(body)), null, checks);
        using var decoded = new MemoryStream();
        await stream.CopyToAsync(decoded);
        return Encoding.ASCII.GetString(decoded.ToArray());
    }
}
