using System.CommandLine;
using System.Globalization;
using System.Text.Json;
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

/// <summary>
/// <c>filepipeline states validate|run</c>: check and execute any Amazon States Language definition
/// locally. Exit codes: 0 valid / SUCCEEDED, 3 FAILED or TIMED_OUT, 2 invalid definition, 1 usage error.
/// </summary>
internal static class StatesCommand
{
    public const int ExitSucceeded = 0;
    public const int ExitUsage = 1;
    public const int ExitInvalidDefinition = 2;
    public const int ExitExecutionFailed = 3;

    public static Command Create() => Create(CliEnvironment.Process);

    public static Command Create(CliEnvironment environment)
    {
        var command = new Command("states", "Validate and run Amazon States Language definitions locally.");
        command.Subcommands.Add(CreateValidate());
        command.Subcommands.Add(CreateRun(environment));
        return command;
    }

    private static Command CreateValidate()
    {
        var definition = new Argument<FileInfo>("definition") { Description = "The state machine definition (.asl.json)." };
        var command = new Command("validate", "Validate a definition; exit 0 when valid, 2 when not (errors on stderr).") { definition };
        command.SetAction((parse, _) => Task.FromResult(Validate(parse.GetValue(definition)!, Console.Out, Console.Error)));
        return command;
    }

    private static Command CreateRun(CliEnvironment environment)
    {
        var definition = new Argument<FileInfo>("definition") { Description = "The state machine definition (.asl.json)." };
        var input = new Option<string?>("--input") { Description = "Execution input as JSON text (default {})." };
        var inputFile = new Option<FileInfo?>("--input-file") { Description = "Read the execution input from a file." };
        var mockConfig = new Option<FileInfo?>("--mock-config") { Description = "Step Functions Local mock configuration (MockConfigFile.json)." };
        var testCase = new Option<string?>("--test-case") { Description = "The test case of the mock configuration to use." };
        var machineName = new Option<string?>("--state-machine-name") { Description = "State machine name (ARNs, mock lookup); default: the file name." };
        var name = new Option<string?>("--name") { Description = "Execution name (default: a new GUID)." };
        var history = new Option<bool>("--history") { Description = "Print the execution history events." };
        var json = new Option<bool>("--json") { Description = "Print a StartSyncExecution response object (with 'events' when --history)." };
        var noWait = new Option<bool>("--no-wait") { Description = "Skip Wait states and Retry intervals instead of waiting in real time." };
        var html = new Option<FileInfo?>("--html") { Description = "Also write the execution as a self-contained HTML page (graph, path, events) to this file." };
        var services = new Option<string>("--services")
        {
            Description = "Where Task states go: none (mocks only), or local: dynamodb:* to the state directory's embedded table, lambda:invoke to the pipeline's functions; the execution is stored.",
            DefaultValueFactory = _ => "none",
        };
        services.AcceptOnlyFromAmong("none", "local");
        var type = new Option<string>("--type")
        {
            Description = "The workflow type whose limits apply: EXPRESS (5 minutes, as the pipeline's machine) or STANDARD (one year, 25,000 history events).",
            DefaultValueFactory = _ => "EXPRESS",
        };
        type.AcceptOnlyFromAmong("EXPRESS", "STANDARD");
        var command = new Command("run", "Run one execution of a definition.")
        {
            definition, input, inputFile, mockConfig, testCase, machineName, name, history, json, noWait, services, type, html,
        };
        var pipelineOptions = new PipelineOptions();
        pipelineOptions.AddTo(command, runsPipeline: true, offersBackend: false);
        command.SetAction((parse, ct) => RunAsync(
            new StatesRunOptions
            {
                Definition = parse.GetValue(definition)!,
                Input = parse.GetValue(input),
                InputFile = parse.GetValue(inputFile),
                MockConfig = parse.GetValue(mockConfig),
                TestCase = parse.GetValue(testCase),
                StateMachineName = parse.GetValue(machineName),
                ExecutionName = parse.GetValue(name),
                History = parse.GetValue(history),
                Json = parse.GetValue(json),
                NoWait = parse.GetValue(noWait),
                Standard = parse.GetValue(type) == "STANDARD",
                Html = parse.GetValue(html),
                LocalServices = parse.GetValue(services) == "local" ? pipelineOptions.Resolve(parse, environment, runsPipeline: true) : null,
            },
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            TimeProvider.System,
            ct));
        return command;
    }

    public static int Validate(FileInfo file, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (InputFile.ProblemWith(file.FullName, "definition") is { } unreadable)
        {
            error.WriteLine(unreadable);
            return ExitUsage;
        }

        var parsed = StateMachineDefinition.Parse(File.ReadAllText(file.FullName));
        if (!parsed.IsValid)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine(problem);
            }

            return ExitInvalidDefinition;
        }

        output.WriteLine($"{file.Name}: valid ({parsed.Definition.StateNames.Count} top-level states, StartAt '{parsed.Definition.StartAt}')");
        return ExitSucceeded;
    }

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
        var parsed = StateMachineDefinition.Parse(definitionJson);
        if (!parsed.IsValid)
        {
            foreach (var problem in parsed.Errors)
            {
                error.WriteLine(problem);
            }

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
                ? await new StateMachineEngine(handlers, time, engineOptions).StartExecutionAsync(parsed.Definition, input, options.ExecutionName, cancellationToken)
                : (await new LocalWorkflowStarter(parsed.Definition, handlers, engineOptions, pipeline.Executions, time).RunAsync(options.ExecutionName, input, cancellationToken)).Result;
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

    private static void Print(ExecutionResult result, StatesRunOptions options, TextWriter output, TextWriter error)
    {
        if (options.Json)
        {
            var response = JsonNode.Parse(result.ToStartSyncExecutionJson())!.AsObject();
            if (options.History)
            {
                response["events"] = JsonNode.Parse(HistorySerializer.Serialize(result.History))!["events"]!.DeepClone();
            }

            output.WriteLine(response.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            return;
        }

        if (options.History)
        {
            foreach (var e in result.History)
            {
                var name = e.Details?["name"]?.GetValue<string>();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Id,4} {e.PreviousEventId,4}  {e.Timestamp:HH:mm:ss.fff}  {e.Type}{(name is null ? "" : $" '{name}'")}"));
            }
        }

        if (result.Status == ExecutionStatus.Succeeded)
        {
            output.WriteLine(result.Output);
        }
        else
        {
            error.WriteLine($"{result.StatusText}: {result.Error}: {result.Cause}");
        }
    }
}
