using System.Text;

namespace FilePipeline.Serve.Console;

/// <summary>The last lines the functions logged: the end of the newest log files in the state directory's <c>logs/</c>, read in bounded pieces.</summary>
public sealed class FunctionLogTail(string logDirectory)
{
    /// <summary>How much of a file's end is read: enough for many lines, whatever the file's size.</summary>
    private const int TailBytes = 64 * 1024;

    /// <summary>Up to <paramref name="count"/> whole lines, oldest first.</summary>
    public IReadOnlyList<string> Last(int count)
    {
        if (!Directory.Exists(logDirectory))
        {
            return [];
        }

        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(logDirectory, "*.log").OrderByDescending(File.GetLastWriteTimeUtc).Take(2))
        {
            lines.InsertRange(0, Tail(file));
        }

        return lines.Count <= count ? lines : lines[^count..];
    }

    private static List<string> Tail(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var start = Math.Max(0, stream.Length - TailBytes);
        stream.Position = start;
        var buffer = new byte[stream.Length - start];
        stream.ReadExactly(buffer);
        var lines = Encoding.UTF8.GetString(buffer).Split('\n').ToList();
        lines.RemoveAt(lines.Count - 1); // the part after the last newline is not a whole line (yet)
        if (start > 0 && lines.Count > 0)
        {
            lines.RemoveAt(0); // the read began inside this one
        }

        return [.. lines.Where(line => line.Length > 0)];
    }
}
