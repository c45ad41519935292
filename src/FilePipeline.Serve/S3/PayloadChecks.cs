using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using FilePipeline.Serve.Signing;

namespace FilePipeline.Serve.S3;

/// <summary>
/// What an upload's body must match, checked as it streams through: the signed
/// x-amz-content-sha256, Content-MD5, the declared length, and a flexible checksum (CRC32 or
/// SHA-256, in a header or an aws-chunked trailer). <see cref="Finish"/> throws S3's error on a mismatch,
/// before the store commits anything.
/// </summary>
public sealed class PayloadChecks : IDisposable
{
    private readonly string? sha256Hex;
    private readonly string? contentMd5;
    private readonly long? length;
    private readonly string? checksumName;
    private readonly string? checksumValue;
    private readonly IncrementalHash? sha256;
    private readonly IncrementalHash? md5;
    private readonly IncrementalHash? checksumSha256;
    private readonly Crc32? crc32;
    private long received;

    /// <param name="checksumName">The x-amz-checksum-* header or trailer that carries the flexible checksum, if any.</param>
    /// <param name="checksumValue">Its value when it came as a header; null when it comes as a trailer.</param>
    public PayloadChecks(string? sha256Hex, string? contentMd5, long? length, string? checksumName, string? checksumValue)
    {
        this.sha256Hex = sha256Hex;
        this.contentMd5 = contentMd5;
        this.length = length;
        this.checksumName = checksumName?.ToLowerInvariant();
        this.checksumValue = checksumValue;
        sha256 = sha256Hex is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
#pragma warning disable CA5351 // Content-MD5 is S3's integrity check, not a security control.
        md5 = contentMd5 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        checksumSha256 = this.checksumName == "x-amz-checksum-sha256" ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        crc32 = this.checksumName == "x-amz-checksum-crc32" ? new Crc32() : null;
    }

    public long Received => received;

    public void Append(ReadOnlySpan<byte> data)
    {
        received += data.Length;
        sha256?.AppendData(data);
        md5?.AppendData(data);
        checksumSha256?.AppendData(data);
        crc32?.Append(data);
    }

    /// <exception cref="Protocol.AwsErrorException">The body is not what the request declared.</exception>
    public void Finish(IReadOnlyDictionary<string, string> trailers)
    {
        ArgumentNullException.ThrowIfNull(trailers);
        if (length is { } expected && expected != received)
        {
            throw S3Errors.IncompleteBody();
        }

        if (sha256 is not null && !string.Equals(SigV4Verifier.Hex(sha256.GetHashAndReset()), sha256Hex, StringComparison.OrdinalIgnoreCase))
        {
            throw S3Errors.ContentSha256Mismatch();
        }

        if (md5 is not null && Convert.ToBase64String(md5.GetHashAndReset()) != contentMd5)
        {
            throw S3Errors.BadDigest("The Content-MD5 you specified did not match what we received.");
        }

        var declared = checksumValue ?? (checksumName is null ? null : trailers.GetValueOrDefault(checksumName));
        var computed = crc32 is not null ? Crc32Base64(crc32) : checksumSha256 is not null ? Convert.ToBase64String(checksumSha256.GetHashAndReset()) : null;
        if (declared is not null && computed is not null && declared != computed)
        {
            throw S3Errors.BadDigest($"The {checksumName?["x-amz-checksum-".Length..].ToUpperInvariant()} you specified did not match the calculated checksum.");
        }
    }

    public void Dispose()
    {
        sha256?.Dispose();
        md5?.Dispose();
        checksumSha256?.Dispose();
    }

    private static string Crc32Base64(Crc32 crc)
    {
        Span<byte> bigEndian = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bigEndian, crc.GetCurrentHashAsUInt32());
        return Convert.ToBase64String(bigEndian);
    }
}
