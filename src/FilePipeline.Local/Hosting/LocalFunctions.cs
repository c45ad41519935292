using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;
using FilePipeline.Local.Hosting.Faults;

namespace FilePipeline.Local.Hosting;

/// <summary>
/// The pipeline's three functions in-process, built from the template's environment and invoked
/// as Lambda does: a JSON payload in, a JSON response out, through the same dispatcher as the
/// bootstrap; each invocation has a Lambda-like context (request id, deadline from the function's
/// Timeout, function name and ARN, JSON logger), with the fault injector in front.
/// </summary>
public sealed class LocalFunctions
{
    private readonly PipelineTemplate template;
    private readonly FaultInjector faults;
    private readonly TimeProvider time;
    private readonly ILambdaLogger logger;
    private readonly FunctionDispatcher dispatcher;

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
        dispatcher = new FunctionDispatcher(
            new ValidateUploadFunction(objects, workQueue, ledger, SettingsOf(template.ValidateUpload, environmentOverrides), time),
            new ProcessQueueFunction(workflows, ledger, SettingsOf(template.ProcessQueue, environmentOverrides), time),
            new InspectFileFunction(objects, SettingsOf(template.InspectFile, environmentOverrides), time));
    }

    /// <summary>The template's environment with local overrides on top, as the function reads it on AWS.</summary>
    public static FunctionSettings SettingsOf(FunctionDefinition function, IReadOnlyDictionary<string, string> overrides)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(overrides);
        return FunctionSettings.FromEnvironment(name => overrides.GetValueOrDefault(name) ?? function.Environment.GetValueOrDefault(name));
    }

    /// <summary>Finds a function by name, ARN or logical id, as lambda:invoke's FunctionName does.</summary>
    public FunctionDefinition? Find(string nameOrArn) => template.Functions.FirstOrDefault(f => f.IsNamed(nameOrArn));

    /// <summary>One synchronous invocation; the function's exceptions propagate as thrown (the caller reports them as Lambda would).</summary>
    public Task<string> InvokeAsync(FunctionDefinition function, string payload)
    {
        ArgumentNullException.ThrowIfNull(function);
        faults.BeforeInvoke(function, ObjectKeyOf(payload));
        var context = new LambdaContext(
            Guid.NewGuid().ToString(), function.Name, function.Arn, time.GetUtcNow() + function.Timeout, logger.WithField("function", function.Name), time);
        return dispatcher.InvokeAsync(function.Handler, payload, context);
    }

    /// <summary>The object key a payload is about (a work payload's key, or an S3 event's first decoded key), for key-matching faults.</summary>
    private static string? ObjectKeyOf(string payload)
    {
        try
        {
            var node = JsonNode.Parse(payload);
            if (node?["key"] is JsonValue key && key.TryGetValue<string>(out var text))
            {
                return text;
            }

            return node?["Records"]?[0]?["s3"]?["object"]?["key"] is JsonValue encoded && encoded.TryGetValue<string>(out var encodedKey)
                ? S3ObjectKey.Decode(encodedKey)
                : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or InvalidObjectKeyException)
        {
            return null;
        }
    }
}
