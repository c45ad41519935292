using System.Diagnostics;
using System.Text;

namespace FilePipeline.Cli.Tests.Crash;

/// <summary>One child process with its stdout and stderr collected as it runs.</summary>
public sealed class RunningCommand : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public RunningCommand(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>kill -9 of the process and its children.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    /// <exception cref="TimeoutException">The process is still running after the timeout (it is killed).</exception>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"filepipeline did not end within {timeout}: {Output}");
        }

        return process.ExitCode;
    }

    /// <summary>Kills the process if it still runs: a test that fails before its own Kill must not leave a server behind.</summary>
    public void Dispose()
    {
        if (!process.HasExited)
        {
            Kill();
        }

        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
