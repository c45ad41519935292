using System.Text.Json.Nodes;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Executions.Rendering;
using FilePipeline.Host;
using FilePipeline.Host.Executions;
using FilePipeline.Host.Template;
using FilePipeline.States;
using FilePipeline.States.History;
using FilePipeline.States.Mocking;
using FilePipeline.States.Store;

namespace FilePipeline.Cli.Commands;

/// <summary><c>states run</c>: one execution of a definition, with mocks or the local services serving its Task states.</summary>
internal static partial class StatesCommand
{
    public static async Task<int> RunAsync(StatesRunOptions options, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (InputFile.ProblemWith(options.Definition.FullName, "definition") is { } unreadable)
        {
            error.WriteLine(unreadable);
            return ExitUsage;
        }

        var definitionJson = await File.ReadAllTextAsync(options.Definition.FullName, cancellationToken);
        if (ParseOrReport(definitionJson, error) is not { } definition)
        {
            return ExitInvalidDefinition;
        }

        var machineName = options.StateMachineName ?? MachineNameOf(options.Definition);
        var engineOptions = new StateMachineEngineOptions { StateMachineName = machineName, SkipDelays = options.NoWait, Express = !options.Standard };
        LocalPipeline? pipeline = null;
        TaskHandlerRegistry handlers;
        string? input;
        try
        {
            input = await ReadInputAsync(options, cancellationToken);
            if (options.LocalServices is { } local)
            {
                pipeline = await LocalPipelines.OpenAsync(local with { Time = time }, backend: null, cancellationToken);
                engineOptions = pipeline.EngineOptions() with { StateMachineName = machineName, SkipDelays = options.NoWait || local.SkipDelays, Express = !options.Standard };
            }

            handlers = await BuildHandlersAsync(options, pipeline?.TaskHandlers ?? new TaskHandlerRegistry(), machineName, cancellationToken);
        }
        catch (Exception e) when (e is FormatException or IOException or ArgumentException or TemplateException or HostConfigurationException or UsageException)
        {
            pipeline?.Dispose();
            error.WriteLine(e.Message);
            return ExitUsage;
        }

        using var owned = pipeline;
        ExecutionResult result;
        try
        {
            result = pipeline is null
                ? await new StateMachineEngine(handlers, time, engineOptions).StartExecutionAsync(definition, input, options.ExecutionName, cancellationToken)
                : (await new LocalWorkflowStarter(definition, handlers, engineOptions, pipeline.Executions, time).RunAsync(options.ExecutionName, input, cancellationToken)).Result;
        }
        catch (ArgumentException e)
        {
            error.WriteLine(e.Message);
            return ExitUsage;
        }

        Print(result, options, output, error);
        if (options.Html is { } htmlFile)
        {
            try
            {
                await WriteHtmlReportAsync(htmlFile, definitionJson, input, result, cancellationToken);
            }
            catch (UsageException e)
            {
                error.WriteLine(e.Message);
                return ExitUsage;
            }

            error.WriteLine($"HTML report: {htmlFile.FullName}");
        }

        return result.Status == ExecutionStatus.Succeeded ? ExitSucceeded : ExitExecutionFailed;
    }

    private static Task WriteHtmlReportAsync(FileInfo file, string definitionJson, string? input, ExecutionResult result, CancellationToken cancellationToken)
    {
        // The report reads DescribeExecution's shape: the StartSyncExecution response plus the input.
        var describe = JsonNode.Parse(result.ToStartSyncExecutionJson())!.AsObject();
        describe["input"] = input ?? "{}";
        var html = ExecutionHtmlReport.Render(definitionJson, HistorySerializer.Serialize(result.History), describe.ToJsonString());
        return OutputFile.WriteAllTextAsync(file.FullName, html, cancellationToken);
    }

    /// <summary>Where Task states are served from: <paramref name="handlers"/> (empty, or the local services), with mocks for the rest.</summary>
    private static async Task<TaskHandlerRegistry> BuildHandlersAsync(StatesRunOptions options, TaskHandlerRegistry handlers, string machineName, CancellationToken cancellationToken)
    {
        if (options.MockConfig is not null)
        {
            if (options.TestCase is null)
            {
                throw new ArgumentException("--mock-config needs --test-case NAME");
            }

            InputFile.RequireRegular(options.MockConfig.FullName, "--mock-config");
            var configuration = MockConfiguration.Parse(await File.ReadAllTextAsync(options.MockConfig.FullName, cancellationToken));
            handlers.Fallback = configuration.CreateHandler(machineName, options.TestCase);
        }
        else if (options.TestCase is not null)
        {
            throw new ArgumentException("--test-case needs --mock-config FILE");
        }

        return handlers;
    }

    private static async Task<string?> ReadInputAsync(StatesRunOptions options, CancellationToken cancellationToken)
    {
        if (options.Input is not null && options.InputFile is not null)
        {
            throw new ArgumentException("Give either --input or --input-file, not both");
        }

        if (options.InputFile is null)
        {
            return options.Input;
        }

        InputFile.RequireRegular(options.InputFile.FullName, "--input-file");
        return await File.ReadAllTextAsync(options.InputFile.FullName, cancellationToken);
    }

    /// <summary>file-processing.asl.json → file-processing.</summary>
    private static string MachineNameOf(FileInfo file)
    {
        var name = Path.GetFileNameWithoutExtension(file.Name);
        return name.EndsWith(".asl", StringComparison.OrdinalIgnoreCase) ? name[..^4] : name;
    }
}
