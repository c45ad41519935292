using System.Diagnostics;
using System.Text;

namespace FilePipeline.Testing.Emulators;

/// <summary>A child process that serves on 127.0.0.1 for the duration of a test collection.</summary>
public sealed class EmulatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private EmulatorProcess(Process process) => this.process = process;

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

    /// <summary>Starts <paramref name="fileName"/> and waits until a line of its output satisfies <paramref name="isReady"/>.</summary>
    public static async Task<(EmulatorProcess Process, string ReadyLine)> StartAsync(string fileName, IEnumerable<string> arguments, Func<string, bool> isReady, TimeSpan startTimeout)
    {
        var info = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(info) ?? throw new InvalidOperationException(fileName + " could not be started.");
        var emulator = new EmulatorProcess(process);
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object? sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (emulator.output)
            {
                emulator.output.AppendLine(e.Data);
            }

            if (isReady(e.Data))
            {
                ready.TrySetResult(e.Data);
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{fileName} exited ({process.ExitCode}) before it was ready:\n{emulator.Output}"));
        try
        {
            var line = await ready.Task.WaitAsync(startTimeout).ConfigureAwait(false);
            return (emulator, line);
        }
        catch
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync().ConfigureAwait(false);
        }

        process.Dispose();
    }
}
