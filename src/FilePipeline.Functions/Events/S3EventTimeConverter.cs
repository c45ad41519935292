using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FilePipeline.Functions.Events;

/// <summary>
/// S3 writes event times as UTC with milliseconds (<c>1970-01-01T00:00:00.000Z</c>); writing them
/// back the same way keeps events byte-compatible when they are stored or forwarded.
/// </summary>
public sealed class S3EventTimeConverter : JsonConverter<DateTime>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTime.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture));
    }
}
