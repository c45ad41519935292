using System.Text;
using FilePipeline.Functions.Runtime;

namespace FilePipeline.Functions.TestUtilities;

/// <summary>
/// A logger that keeps what a function writes in <see cref="Buffer"/> (and echoes it to the
/// console), shaped like Amazon.Lambda.TestUtilities' <c>TestLambdaLogger</c>: leveled entries
/// read <c>{level}: {message}</c>, then the arguments and the exception on their own lines.
/// </summary>
public class TestLambdaLogger : ILambdaLogger
{
    public StringBuilder Buffer { get; } = new();

    public void Log(string message)
    {
        Buffer.Append(message);
        Console.Write(message);
    }

    public void LogLine(string message) => WriteLine(message);

    public void Log(string level, string message) => WriteLine($"{level}: {message}");

    public void Log(string level, string message, params object[] args) => Log(level, null, message, args);

    public void Log(string level, Exception? exception, string message, params object[] args)
    {
        var entry = new StringBuilder($"{level}: {message}");
        foreach (var arg in args ?? [])
        {
            entry.AppendLine().Append('\t').Append(arg);
        }

        if (exception is not null)
        {
            entry.AppendLine().Append(exception);
        }

        WriteLine(entry.ToString());
    }

    private void WriteLine(string text)
    {
        Buffer.AppendLine(text);
        Console.WriteLine(text);
    }
}
