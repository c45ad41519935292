using System.CommandLine;
using FilePipeline.Aws.Backend;
using FilePipeline.Core.Ports;
using FilePipeline.Host;
using FilePipeline.Host.Template;

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

    public Option<string?> Backend { get; } = new("--backend")
    {
        Description = $"Where the bucket, queues and table live: 'embedded' (default, in the state directory) or 'aws' (S3, SQS and DynamoDB at $AWS_ENDPOINT_URL_*; default: ${BackendVariable}). See docs/local.md.",
    };

    public Option<bool> CreateResources { get; } = new("--create-resources")
    {
        Description = "With --backend aws: create the template's bucket, queues and table where missing, with the template's settings.",
    };

    public Option<string?> Stack { get; } = new("--stack")
    {
        Description = "Operate the stack of this name deployed with `dotnet lambda deploy-serverless` (credentials: the AWS SDK's chain). See docs/operate.md.",
    };

    public Option<string?> Region { get; } = new("--region")
    {
        Description = "With --stack: the stack's region (default: $AWS_REGION, else the profile's).",
    };

    public const string BackendVariable = "FILEPIPELINE_BACKEND";

    /// <summary>Whether the command these options were added to runs the pipeline (and so takes --faults and shows function logs).</summary>
    public bool RunsPipeline { get; private set; }

    /// <param name="offersBackend">False for commands that always use the embedded services (states run --local-services).</param>
    /// <param name="offersStack">True for the commands that work on a deployed stack (or refuse to, as <c>run</c> does).</param>
    public void AddTo(Command command, bool runsPipeline, bool offersBackend = true, bool offersStack = false)
    {
        RunsPipeline = runsPipeline;
        command.Options.Add(StateDir);
        command.Options.Add(Template);
        if (offersBackend)
        {
            command.Options.Add(Backend);
            command.Options.Add(CreateResources);
        }

        if (offersStack)
        {
            command.Options.Add(Stack);
            command.Options.Add(Region);
        }

        if (runsPipeline)
        {
            command.Options.Add(Faults);
        }
    }

    /// <summary>The backend of <c>--backend aws</c>, or null for the embedded one.</summary>
    /// <exception cref="UsageException">The backend is neither 'embedded' nor 'aws'.</exception>
    public IPipelineBackend? Services(ParseResult parseResult, CliEnvironment environment)
    {
        var backend = parseResult.GetValue(Backend) ?? environment.Variables(BackendVariable) ?? "embedded";
        return backend switch
        {
            "embedded" => null,
            "aws" => new AwsBackend(environment.Variables, parseResult.GetValue(CreateResources)),
            _ => throw new UsageException($"--backend is '{backend}'; it must be 'embedded' or 'aws'."),
        };
    }

    /// <summary>The host options for this invocation; faults and function logs only for commands that run the pipeline.</summary>
    public LocalHostOptions Resolve(ParseResult parseResult, CliEnvironment environment, bool runsPipeline)
    {
        var variables = runsPipeline ? environment.Variables : name => name == Host.Faults.FaultPlan.EnvironmentVariable ? null : environment.Variables(name);
        var options = LocalHostOptions.Resolve(
            parseResult.GetValue(StateDir),
            parseResult.GetValue(Template),
            runsPipeline ? parseResult.GetValue(Faults) : null,
            variables);
        return environment.Adjust(runsPipeline ? options : options with { FunctionLog = TextWriter.Null });
    }
}
