using System.CommandLine;
using FilePipeline.Local.Hosting;

namespace FilePipeline.Cli.Pipeline;

/// <summary>The options every pipeline command shares: where the state lives, which template, which faults.</summary>
internal sealed class PipelineOptions
{
    public Option<string?> StateDir { get; } = new("--state-dir")
    {
        Description = $"The state directory (default: ${LocalHostOptions.HomeVariable}, else ./{LocalHostOptions.DefaultStateDirectory}).",
    };

    public Option<string?> Template { get; } = new("--template")
    {
        Description = "serverless.template to read settings from (default: the one shipped with filepipeline).",
    };

    public Option<string?> Faults { get; } = new("--faults")
    {
        Description = "Faults to inject, e.g. 'fail=InspectFile,times=2;throttle=0.1' (added to $FILEPIPELINE_FAULTS; see docs/local.md).",
    };

    public void AddTo(Command command, bool runsPipeline)
    {
        command.Options.Add(StateDir);
        command.Options.Add(Template);
        if (runsPipeline)
        {
            command.Options.Add(Faults);
        }
    }

    /// <summary>The host options for this invocation; faults and function logs only for commands that run the pipeline.</summary>
    public LocalHostOptions Resolve(ParseResult parseResult, CliEnvironment environment, bool runsPipeline)
    {
        var variables = runsPipeline ? environment.Variables : name => name == Local.Hosting.Faults.FaultPlan.EnvironmentVariable ? null : environment.Variables(name);
        var options = LocalHostOptions.Resolve(
            parseResult.GetValue(StateDir),
            parseResult.GetValue(Template),
            runsPipeline ? parseResult.GetValue(Faults) : null,
            variables);
        return environment.Adjust(runsPipeline ? options : options with { FunctionLog = TextWriter.Null });
    }
}
