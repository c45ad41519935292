using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;
using FilePipeline.Functions.Events;
using FilePipeline.Functions.Payloads;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;
using FilePipeline.Local.Hosting.Faults;

namespace FilePipeline.Local.Hosting;

/// <summary>
/// The pipeline's three functions in-process, built from the template's environment, each
/// invocation with a Lambda-like context (request id, deadline from the function's Timeout,
/// function name and ARN, JSON logger) and the fault injector in front.
/// </summary>
public sealed class LocalFunctions
{
    private readonly PipelineTemplate template;
    private readonly FaultInjector faults;
    private readonly TimeProvider time;
    private readonly ILambdaLogger logger;
    private readonly ValidateUploadFunction validateUpload;
    private readonly ProcessQueueFunction processQueue;
    private readonly InspectFileFunction inspectFile;

    public LocalFunctions(
        PipelineTemplate template,
        IReadOnlyDictionary<string, string> environmentOverrides,
        IObjectStore objects,
        IJobQueue workQueue,
        ILedger ledger,
        IWorkflowStarter workflows,
        FaultInjector faults,
        ILambdaLogger logger,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(template);
        this.template = template;
        this.faults = faults;
        this.time = time;
        this.logger = logger;
        validateUpload = new ValidateUploadFunction(objects, workQueue, ledger, SettingsOf(template.ValidateUpload, environmentOverrides), time);
        processQueue = new ProcessQueueFunction(workflows, SettingsOf(template.ProcessQueue, environmentOverrides), time);
        inspectFile = new InspectFileFunction(objects, SettingsOf(template.InspectFile, environmentOverrides), time);
    }

    /// <summary>The template's environment with local overrides on top, as the function reads it on AWS.</summary>
    public static FunctionSettings SettingsOf(FunctionDefinition function, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(overrides);
        return FunctionSettings.FromEnvironment(name => overrides.GetValueOrDefault(name) ?? function.Environment.GetValueOrDefault(name));
    }

    public async Task ValidateUploadAsync(S3Event s3Event)
    {
        ArgumentNullException.ThrowIfNull(s3Event);
        faults.BeforeInvoke(template.ValidateUpload, s3Event.Records.FirstOrDefault()?.S3?.Object?.Key);
        await validateUpload.HandleAsync(s3Event, NewContext(template.ValidateUpload));
    }

    public async Task<SQSBatchResponse> ProcessQueueAsync(SQSEvent sqsEvent)
    {
        ArgumentNullException.ThrowIfNull(sqsEvent);
        faults.BeforeInvoke(template.ProcessQueue, null);
        return await processQueue.HandleAsync(sqsEvent, NewContext(template.ProcessQueue));
    }

    public async Task<InspectFileResult> InspectFileAsync(ExecutionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        faults.BeforeInvoke(template.InspectFile, input.Key);
        return await inspectFile.HandleAsync(input, NewContext(template.InspectFile));
    }

    /// <summary>Finds a function by name, ARN or logical id, as lambda:invoke's FunctionName does.</summary>
    public FunctionDefinition? Find(string nameOrArn) => template.Functions.FirstOrDefault(f => f.IsNamed(nameOrArn));

    /// <summary>A synchronous invoke with a JSON payload, as lambda:invoke makes it; function errors propagate as thrown.</summary>
    public async Task<JsonNode?> InvokeAsync(FunctionDefinition function, JsonNode? payload)
    {
        ArgumentNullException.ThrowIfNull(function);
        var json = payload?.ToJsonString() ?? "null";
        if (function == template.InspectFile)
        {
            var input = JsonSerializer.Deserialize(json, FunctionsJsonContext.Default.ExecutionInput) ?? throw new JsonException("The payload is null.");
            return JsonSerializer.SerializeToNode(await InspectFileAsync(input), FunctionsJsonContext.Default.InspectFileResult);
        }

        if (function == template.ProcessQueue)
        {
            var sqsEvent = JsonSerializer.Deserialize(json, FunctionsJsonContext.Default.SQSEvent) ?? throw new JsonException("The payload is null.");
            return JsonSerializer.SerializeToNode(await ProcessQueueAsync(sqsEvent), FunctionsJsonContext.Default.SQSBatchResponse);
        }

        var s3Event = JsonSerializer.Deserialize(json, FunctionsJsonContext.Default.S3Event) ?? throw new JsonException("The payload is null.");
        await ValidateUploadAsync(s3Event);
        return null;
    }

    private LambdaContext NewContext(FunctionDefinition function) =>
        new(Guid.NewGuid().ToString(), function.Name, function.Arn, time.GetUtcNow() + function.Timeout, logger.WithField("function", function.Name), time);
}
