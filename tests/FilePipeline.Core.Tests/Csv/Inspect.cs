using System.Text;
using FilePipeline.Core.Csv;

namespace FilePipeline.Core.Tests.Csv;

/// <summary>Runs the inspector over text or bytes, optionally handing them over a few bytes per read.</summary>
internal static class Inspect
{
    public static Task<CsvInspection> TextAsync(string text, CsvInspectionOptions? options = null, int? readSize = null) =>
        BytesAsync(Encoding.UTF8.GetBytes(text), options, readSize);

    public static async Task<CsvInspection> BytesAsync(byte[] bytes, CsvInspectionOptions? options = null, int? readSize = null)
    {
        Stream stream = readSize is { } size ? new TrickleStream(bytes, size) : new MemoryStream(bytes);
        await using (stream)
        {
            return await CsvInspector.InspectAsync(stream, options ?? CsvInspectionOptions.Default, CancellationToken.None);
        }
    }
}

/// <summary>Hands over at most a few bytes per read, as a slow network stream might.</summary>
internal sealed class TrickleStream(byte[] bytes, int readSize) : MemoryStream(bytes)
{
    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(readSize, buffer.Length)]);

    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(readSize, count));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(readSize, buffer.Length)], cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        base.ReadAsync(buffer, offset, Math.Min(readSize, count), cancellationToken);
}
