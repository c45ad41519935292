using System.Diagnostics;

namespace FilePipeline.Testing.Tools;

/// <summary>Runs a command line tool to completion.</summary>
public static class ChildProcess
{
    /// <returns>The exit code and standard output and error together.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " could not be started.");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output + await error);
    }
}
