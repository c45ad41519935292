using System.Reflection;

namespace FilePipeline.Serve.Console;

/// <summary>The console's page, script and stylesheet: files in the source, embedded in the assembly, served as they are.</summary>
public static class ConsoleAssets
{
    public static readonly IReadOnlyDictionary<string, (string ContentType, byte[] Content)> Files = new Dictionary<string, (string, byte[])>(StringComparer.Ordinal)
    {
        ["console.html"] = ("text/html; charset=utf-8", Read("console.html")),
        ["console.js"] = ("text/javascript; charset=utf-8", Read("console.js")),
        ["console.css"] = ("text/css; charset=utf-8", Read("console.css")),
    };

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("FilePipeline.Serve.Console." + name)
            ?? throw new InvalidOperationException($"The console asset '{name}' is not embedded in the assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
