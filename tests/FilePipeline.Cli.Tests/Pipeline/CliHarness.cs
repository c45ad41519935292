using System.CommandLine;
using System.Text.Json.Nodes;
using FilePipeline.Cli.Pipeline;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Cli.Tests.Pipeline;

/// <summary>
/// Runs `filepipeline` commands in-process on a temp state directory with captured output. Retry
/// intervals are skipped and failed messages come back at once, so nothing waits in real time.
/// </summary>
public sealed class CliHarness : IDisposable
{
    private readonly Dictionary<string, string> variables = new(StringComparer.Ordinal);

    public string StateDirectory { get; } = Path.Combine(Path.GetTempPath(), "fp-cli-" + Guid.NewGuid().ToString("N"));

    public static string Sample(string name) => Path.Combine(AppContext.BaseDirectory, "samples", name);

    public CliHarness With(string variable, string value)
    {
        variables[variable] = value;
        return this;
    }

    public async Task<CliResult> RunAsync(params string[] args)
    {
        var environment = new CliEnvironment(
            variables.GetValueOrDefault,
            options => options.WithRetryDelay(0) with { SkipDelays = true, FunctionLog = TextWriter.Null });
        var output = new StringWriter();
        var error = new StringWriter();
        var withState = args.Contains("--state-dir") ? args : [.. args, "--state-dir", StateDirectory];
        var exit = await CliRoot.Create(environment).Parse(withState).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    public string WriteFile(string name, string content)
    {
        var directory = Path.Combine(StateDirectory + "-input");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var directory in new[] { StateDirectory, StateDirectory + "-input" })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The output's JSON lines.</summary>
    public IReadOnlyList<JsonObject> JsonLines =>
        [.. Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(line => JsonNode.Parse(line)!.AsObject())];
}
