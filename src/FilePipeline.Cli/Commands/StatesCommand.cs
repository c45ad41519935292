using System.CommandLine;
using FilePipeline.Cli.Pipeline;

namespace FilePipeline.Cli.Commands;

/// <summary>
/// <c>filepipeline states validate|run</c>: check and execute any Amazon States Language definition
/// locally. Exit codes: 0 valid / SUCCEEDED, 3 FAILED or TIMED_OUT, 2 invalid definition, 1 usage error.
/// This file builds the command line; validating, running and printing live in the other StatesCommand.*.cs files.
/// </summary>
internal static partial class StatesCommand
{
    public const int ExitSucceeded = 0;
    public const int ExitUsage = 1;
    public const int ExitInvalidDefinition = 2;
    public const int ExitExecutionFailed = 3;

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
}
