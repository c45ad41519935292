using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace FilePipeline.Serve.S3;

/// <summary>
/// Multipart uploads in progress, on disk under the state directory (<c>serve/multipart/{uploadId}/</c>):
/// <c>upload.json</c> and one <c>{number}-{md5}.part</c> per part. Every file is written to a temp
/// name, flushed and renamed, so a killed serve leaves each upload with whole parts only, and the
/// upload can be listed, continued, completed or aborted after a restart, as on S3.
/// </summary>
public sealed partial class MultipartUploadStore
{
    public const int MinPartNumber = 1;
    public const int MaxPartNumber = 10_000;

    private const string UploadFile = "upload.json";
    private const string TempExtension = ".tmp";

    private readonly string root;
    private readonly TimeProvider time;

    public MultipartUploadStore(string stateDirectory, TimeProvider time)
    {
        root = Path.Combine(stateDirectory, "serve", "multipart");
        this.time = time;
        Directory.CreateDirectory(root);
        foreach (var temp in Directory.EnumerateFiles(root, "*" + TempExtension, SearchOption.AllDirectories))
        {
            File.Delete(temp); // a part or upload that was being written when serve stopped
        }
    }

    public MultipartUpload Create(string bucket, string key)
    {
        var upload = new MultipartUpload(Guid.CreateVersion7().ToString("N"), bucket, key, time.GetUtcNow());
        var folder = Path.Combine(root, upload.UploadId);
        Directory.CreateDirectory(folder);
        WriteAtomically(Path.Combine(folder, UploadFile), JsonSerializer.SerializeToUtf8Bytes(new StoredUpload(bucket, key, upload.Initiated.ToUnixTimeMilliseconds()), ServeJsonContext.Default.StoredUpload));
        return upload;
    }

    /// <exception cref="Protocol.AwsErrorException">NoSuchUpload, also when the upload is for another bucket or key.</exception>
    public MultipartUpload Find(string uploadId, string bucket, string key)
    {
        var upload = TryRead(uploadId);
        return upload is not null && upload.Bucket == bucket && upload.Key == key ? upload : throw S3Errors.NoSuchUpload(uploadId);
    }

    /// <summary>The uploads in progress for a bucket, by key then initiation (ListMultipartUploads).</summary>
    public IReadOnlyList<MultipartUpload> List(string bucket) =>
        [.. Directory.EnumerateDirectories(root).Select(folder => TryRead(Path.GetFileName(folder))).OfType<MultipartUpload>()
            .Where(upload => upload.Bucket == bucket)
            .OrderBy(upload => upload.Key, StringComparer.Ordinal).ThenBy(upload => upload.Initiated)];

    /// <summary>Stores a part (replacing an earlier one of the same number) and returns its ETag, the MD5 of its bytes.</summary>
    public async Task<string> PutPartAsync(MultipartUpload upload, int partNumber, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(content);
        var folder = Path.Combine(root, upload.UploadId);
        var temp = Path.Combine(folder, $"{partNumber:D5}.{Guid.NewGuid():N}{TempExtension}");
        try
        {
            string eTag;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                eTag = await CopyHashingAsync(content, file, cancellationToken).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
            }

            var earlier = Parts(upload).Where(part => part.PartNumber == partNumber).ToList();
            File.Move(temp, Path.Combine(folder, $"{partNumber:D5}-{eTag}.part"), overwrite: true);
            foreach (var replaced in earlier.Where(part => part.ETag != eTag))
            {
                File.Delete(replaced.Path);
            }

            return eTag;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The stored parts in part-number order.</summary>
    public IReadOnlyList<UploadedPart> Parts(MultipartUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        return [.. Directory.EnumerateFiles(Path.Combine(root, upload.UploadId), "*.part")
            .Select(path => (Path: path, Match: PartName().Match(Path.GetFileName(path))))
            .Where(file => file.Match.Success)
            .Select(file =>
            {
                var info = new FileInfo(file.Path);
                return new UploadedPart(int.Parse(file.Match.Groups[1].Value, CultureInfo.InvariantCulture), file.Match.Groups[2].Value, info.Length, info.LastWriteTimeUtc, file.Path);
            })
            .OrderBy(part => part.PartNumber)];
    }

    /// <summary>Removes the upload and its parts (abort, or after completion).</summary>
    public void Delete(MultipartUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var folder = Path.Combine(root, upload.UploadId);
        File.Delete(Path.Combine(folder, UploadFile)); // first: a half-deleted upload is no longer listed
        Directory.Delete(folder, recursive: true);
    }

    private MultipartUpload? TryRead(string uploadId)
    {
        if (!UploadId().IsMatch(uploadId))
        {
            return null;
        }

        try
        {
            var stored = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(root, uploadId, UploadFile)), ServeJsonContext.Default.StoredUpload);
            return stored is null ? null : new MultipartUpload(uploadId, stored.Bucket, stored.Key, DateTimeOffset.FromUnixTimeMilliseconds(stored.InitiatedMs));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or JsonException)
        {
            return null;
        }
    }

    private static void WriteAtomically(string path, byte[] content)
    {
        var temp = path + TempExtension;
        using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            file.Write(content);
            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }

    private static async Task<string> CopyHashingAsync(Stream source, Stream destination, CancellationToken cancellationToken)
    {
#pragma warning disable CA5351 // A part's ETag is S3's MD5 content checksum, not a security control.
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        var buffer = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, 81_920), cancellationToken).ConfigureAwait(false)) > 0)
            {
                md5.AppendData(buffer, 0, read);
                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            }

            return Convert.ToHexStringLower(md5.GetHashAndReset());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex UploadId();

    [GeneratedRegex("^([0-9]{5})-([0-9a-f]{32})\\.part$")]
    private static partial Regex PartName();
}
