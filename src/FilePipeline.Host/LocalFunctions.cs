using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;
using FilePipeline.Host.Faults;
using FilePipeline.Host.Template;
using Microsoft.Extensions.DependencyInjection;

namespace FilePipeline.Host;

/// <summary>
/// The pipeline's functions in-process, built from the template's environment and invoked as
/// Lambda does: a JSON payload in, a JSON response out, through the same generated registry as the
/// bootstrap, over the embedded (or <c>--backend aws</c>) services; each invocation has a Lambda-like context (request id, deadline from the function's
/// Timeout, function name and ARN, JSON logger), with the fault injector in front.
/// </summary>
public sealed class LocalFunctions
{
    private readonly PipelineTemplate template;
    private readonly FaultInjector faults;
    private readonly TimeProvider time;
    private readonly ILambdaLogger logger;
    private readonly LambdaFunctionRegistry registry;
    private readonly Action<FunctionDefinition, IServiceCollection> addServices;
    private readonly ConcurrentDictionary<string, Lazy<LambdaHandler>> handlers = new(StringComparer.Ordinal);

    public LocalFunctions(
        PipelineTemplate template,
        IReadOnlyDictionary<string, string> environmentOverrides,
        IObjectStore objects,
        IJobQueue workQueue,
        IMessageVisibility workQueueVisibility,
        ILedger ledger,
        IWorkflowStarter workflows,
        FaultInjector faults,
        ILambdaLogger logger,
        TimeProvider time,
        LambdaFunctionRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        this.template = template;
        this.faults = faults;
        this.time = time;
        this.logger = logger;
        this.registry = registry ?? GeneratedLambdaFunctions.Registry;
        addServices = (function, services) => services
            .AddSingleton(objects)
            .AddSingleton(workQueue)
            .AddSingleton(workQueueVisibility)
            .AddSingleton(ledger)
            .AddSingleton(workflows)
            .AddSingleton(time)
            .AddSingleton(SettingsOf(function, environmentOverrides));
        foreach (var function in template.Functions)
        {
            // Built now, so a function the registry lacks or cannot build stops the host at start-up.
            _ = HandlerOf(function);
        }
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

    /// <summary>
    /// One synchronous invocation of the registry's function named by the definition's handler; the
    /// function's exceptions propagate as thrown (the caller reports them as Lambda would).
    /// </summary>
    /// <returns>The response JSON; <c>null</c> for a function that returns nothing, as Lambda's Invoke reports it.</returns>
    /// <exception cref="HandlerNotFoundException">The registry has no function of the definition's handler name.</exception>
    public async Task<string> InvokeAsync(FunctionDefinition function, string payload)
    {
        ArgumentNullException.ThrowIfNull(function);
        var handler = HandlerOf(function);
        faults.BeforeInvoke(function, () => ObjectKeyOf(payload));
        var context = new LambdaContext(
            Guid.NewGuid().ToString(), function.Name, function.Arn, time.GetUtcNow() + function.Timeout, logger.WithField("function", function.Name), time);
        var response = await handler(Encoding.UTF8.GetBytes(payload), context, CancellationToken.None);
        return response.IsEmpty ? "null" : Encoding.UTF8.GetString(response.Span);
    }

    /// <summary>The function's generated wrapper over this host's services and the function's own settings, built once.</summary>
    private LambdaHandler HandlerOf(FunctionDefinition function) =>
        handlers.GetOrAdd(function.LogicalId, _ => new Lazy<LambdaHandler>(() => registry.Create(function.Handler, services => addServices(function, services)))).Value;

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
