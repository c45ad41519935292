using System.Globalization;
using System.Text;

namespace FilePipeline.Benchmarks;

/// <summary>
/// Writes a deterministic CSV of about the requested size, streaming, where ~5% of rows hold a
/// quoted field with a comma, doubled quotes and a line break. The file is kept and reused.
/// </summary>
internal static class CsvFileGenerator
{
    public static string PathFor(long megabytes) =>
        Path.Combine(Path.GetTempPath(), $"filepipeline-bench-{megabytes}MB.csv");

    /// <summary>Creates the file unless it exists; returns its path and its data row count.</summary>
    public static (string Path, long Rows) Ensure(long megabytes)
    {
        var path = PathFor(megabytes);
        var rowsPath = path + ".rows";
        if (File.Exists(path) && File.Exists(rowsPath))
        {
            return (path, long.Parse(File.ReadAllText(rowsPath), CultureInfo.InvariantCulture));
        }

        var rows = Write(path, megabytes * 1024 * 1024);
        File.WriteAllText(rowsPath, rows.ToString(CultureInfo.InvariantCulture));
        return (path, rows);
    }

    private static long Write(string path, long targetBytes)
    {
        var random = new Random(20261128);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.Write("id,customer,email,city,amount,note\n");
        long rows = 0;
        while (stream.Position + 64 * 1024 < targetBytes)
        {
            for (var i = 0; i < 1000; i++)
            {
                rows++;
                writer.Write(rows.ToString(CultureInfo.InvariantCulture));
                writer.Write(",Customer ");
                writer.Write(random.Next(100_000).ToString(CultureInfo.InvariantCulture));
                writer.Write(",user");
                writer.Write(random.Next(1_000_000).ToString(CultureInfo.InvariantCulture));
                writer.Write("@example.com,");
                writer.Write(Cities[random.Next(Cities.Length)]);
                writer.Write(',');
                writer.Write((random.Next(1_000_000) / 100m).ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(random.Next(20) == 0 ? "\"Said \"\"call me\"\", then left,\nsee line two\"" : "regular order");
                writer.Write('\n');
            }

            writer.Flush();
        }

        return rows;
    }

    private static readonly string[] Cities = ["Berlin", "Lisbon", "Oslo", "Zürich", "São Paulo", "Kyoto", "Austin", "Nairobi"];
}
