using System.Globalization;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ports;
using FilePipeline.Functions.Runtime;
using FilePipeline.Host.EventSources;
using FilePipeline.Host.Executions;
using FilePipeline.Host.Faults;
using FilePipeline.Host.Integrations;
using FilePipeline.Host.Template;
using FilePipeline.States;
using FilePipeline.States.Store;

namespace FilePipeline.Host;

/// <summary>
/// The whole pipeline, composed as the template describes it: bucket → ValidateUpload (async
/// invoke) → work queue + DLQ → ProcessQueue → the state machine, whose tasks reach the table and
/// the in-process InspectFile function. The backend holds the bucket, queues and table; the local
/// state the async-invoke queues and the executions.
/// </summary>
public sealed class LocalPipeline : IDisposable
{
    private readonly TextWriter? ownedLog;

    private LocalPipeline(LocalHostOptions options, PipelineTemplate template, TextWriter? ownedLog, LocalBackend backend)
    {
        Options = options;
        Template = template;
        this.ownedLog = ownedLog;
        Definition = LoadDefinition(template.StateMachine);
        options.Faults.RequireKnownTargets([.. template.Functions.Select(f => (IReadOnlyList<string>)[f.Handler, f.Name, f.LogicalId, f.Arn])], Definition.StateNames);
        State = backend.State;
        AsyncInvocations = backend.AsyncInvocations;
        Services = backend.Services;
        Executions = backend.Executions;
        Faults = new FaultInjector(options.Faults, options.Exit);
        TaskHandlers = DynamoDbTaskHandler.RegisterAll(new TaskHandlerRegistry(), DynamoDbTaskHandler.NamingErrors<Exception>(Services.Table.ExecuteAsync, Services.Table.DescribeError));
        // Only an exit fault needs each event stored before the engine moves on; otherwise events ride the next group commit.
        Workflows = new LocalWorkflowStarter(Definition, TaskHandlers, EngineOptions(), Executions, options.Time, options.Faults.Exits.Count > 0 ? Faults.AfterHistoryEvent : null);
        var logger = new JsonLambdaLogger(options.FunctionLog ?? ownedLog ?? TextWriter.Null, options.Time);
        Functions = new LocalFunctions(
            template, options.EnvironmentOverrides, Services.Objects, Services.WorkQueue, Services.WorkQueueConsumer, Services.FunctionLedger, Workflows, Faults, logger, options.Time, options.FunctionRegistry);
        TaskHandlers.Register(LambdaInvokeTaskHandler.Resource, new LambdaInvokeTaskHandler(Functions));
    }

    public LocalHostOptions Options { get; }

    public PipelineTemplate Template { get; }

    /// <summary>The state directory's side: the async-invoke queues' signal and its busy error.</summary>
    public ILocalState State { get; }

    /// <summary>ValidateUpload's asynchronous invocations: the queued S3 events and the OnFailure destination.</summary>
    public InvocationQueues AsyncInvocations { get; }

    /// <summary>Bucket, work queue, ledger, DLQ and table: embedded, or the real services of <c>--backend aws</c>.</summary>
    public PipelineServices Services { get; }

    public IObjectStore Objects => Services.Objects;

    /// <summary>The ledger as the host and the CLI read it, free of injected faults.</summary>
    public ILedger Ledger => Services.Ledger;

    public IDeadLetterQueue DeadLetters => Services.DeadLetters;

    /// <summary>ValidateUpload's OnFailure destination; redrive invokes ValidateUpload again with each record's event.</summary>
    public IDeadLetterQueue FailedInvocations => new FailedInvocationQueue(AsyncInvocations);

    public IExecutionStore Executions { get; }

    public FaultInjector Faults { get; }

    public StateMachineDefinition Definition { get; }

    /// <summary>dynamodb:* → the table, lambda:invoke → <see cref="Functions"/>; reusable for other definitions.</summary>
    public TaskHandlerRegistry TaskHandlers { get; }

    public LocalWorkflowStarter Workflows { get; }

    public LocalFunctions Functions { get; }

    /// <summary>The internal queue of ValidateUpload's asynchronous invocations (the S3 notification target).</summary>
    public string AsyncInvokeQueue => TemplateResources.AsyncInvokeQueue(Template);

    /// <summary>ValidateUpload's OnFailure destination: Lambda's records of invocations that failed every attempt.</summary>
    public string FailedInvokeQueue => TemplateResources.FailedInvocations(Template).Name;

    public string BucketName => Template.Bucket.Name;

    /// <summary>Opens the pipeline over <paramref name="backend"/>, creating (or finding) the template's resources.</summary>
    /// <param name="state">The state directory's async-invoke queues.</param>
    /// <param name="executions">Where executions and their histories are kept.</param>
    /// <exception cref="TemplateException">The template cannot be read, lacks a resource or sets one out of range.</exception>
    public static async Task<LocalPipeline> OpenAsync(
        LocalHostOptions options, ILocalState state, IExecutionStore executions, IPipelineBackend backend, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(backend);
        var template = PipelineTemplate.Load(options.TemplatePath);
        RequireVisibilityBeyondLease(options, template);
        var ownedLog = options.FunctionLog is null ? OpenLogFile(options) : null;
        PipelineServices? services = null;
        try
        {
            var invocations = await state.OpenInvocationQueuesAsync(TemplateResources.AsyncInvokeEvents(template), TemplateResources.FailedInvocations(template), cancellationToken);
            services = await backend.OpenAsync(TemplateResources.Backend(template), cancellationToken);
            return new LocalPipeline(options, template, ownedLog, new LocalBackend(state, invocations, services, executions));
        }
        catch (ArgumentOutOfRangeException e)
        {
            Dispose(ownedLog, services);
            throw new TemplateException($"{options.TemplatePath}: {e.Message}");
        }
        catch
        {
            Dispose(ownedLog, services);
            throw;
        }
    }

    public StateMachineEngineOptions EngineOptions() => new()
    {
        Region = Template.Identity.Region,
        AccountId = Template.Identity.AccountId,
        StateMachineName = Template.StateMachine.Name,
        Express = Template.StateMachine.Express,
        SkipDelays = Options.SkipDelays,
    };

    public void Dispose() => Dispose(ownedLog, Services);

    /// <summary>
    /// Puts an object into the pipeline's bucket and makes sure ValidateUpload hears of it: the
    /// embedded bucket queues its S3 event itself; for a real bucket, where S3's notification to
    /// the Lambda function is not there to do it, the host queues the same ObjectCreated:Put event.
    /// </summary>
    public async Task<ObjectInfo> PutObjectAsync(string key, Stream content, CancellationToken cancellationToken)
    {
        var info = await Objects.PutAsync(BucketName, key, content, cancellationToken);
        if (!Services.NotifiesUploads)
        {
            var sequencer = Options.Time.GetUtcNow().UtcTicks.ToString("X16", CultureInfo.InvariantCulture);
            var s3Event = S3EventNotification.ObjectCreatedPut(info, sequencer, Template.Identity.Region, TemplateResources.UploadNotificationId(Template));
            await AsyncInvocations.Events.SendAsync(s3Event, cancellationToken);
        }

        return info;
    }

    private static void Dispose(TextWriter? ownedLog, PipelineServices? services)
    {
        ownedLog?.Dispose();
        services?.Owned?.Dispose();
    }

    /// <summary>A message in flight must not return while the claim its execution took still holds (it would settle as a duplicate of its own claim).</summary>
    private static void RequireVisibilityBeyondLease(LocalHostOptions options, PipelineTemplate template)
    {
        var visibility = options.VisibilityTimeout ?? template.WorkQueue.VisibilityTimeout;
        var lease = LocalFunctions.SettingsOf(template.ProcessQueue, options.EnvironmentOverrides).Lease;
        if (visibility < lease.TotalSeconds)
        {
            throw new HostConfigurationException(
                $"The work queue's visibility timeout ({visibility} s) is shorter than the claim lease ({lease.TotalSeconds} s): a crashed run's message would return while its claim holds and be skipped. Set {LocalHostOptions.LeaseSecondsVariable} below {LocalHostOptions.VisibilityTimeoutVariable}.");
        }
    }

    private static StateMachineDefinition LoadDefinition(StateMachineSettings settings)
    {
        string text;
        try
        {
            text = settings.LoadDefinition();
        }
        catch (IOException e)
        {
            throw new TemplateException($"Cannot read the state machine definition {settings.DefinitionPath}: {e.Message}");
        }

        var parsed = StateMachineDefinition.Parse(text);
        return parsed.IsValid
            ? parsed.Definition
            : throw new TemplateException($"{settings.DefinitionPath} is not a valid definition: {string.Join("; ", parsed.Errors.Select(e => e.ToString()))}");
    }

    private static StreamWriter OpenLogFile(LocalHostOptions options)
    {
        var directory = Path.Combine(options.StateDirectory, "logs");
        try
        {
            Directory.CreateDirectory(directory);
            var name = $"functions-{options.Time.GetUtcNow():yyyyMMdd'T'HHmmss}-{Environment.ProcessId}.log";
            return new StreamWriter(new FileStream(Path.Combine(directory, name), FileMode.Append, FileAccess.Write, FileShare.ReadWrite));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateDirectoryException($"cannot write the function log in {directory} ({e.Message}); make the state directory writable or choose another with --state-dir.", e);
        }
    }

    /// <summary>What <see cref="OpenAsync"/> hands the constructor once the resources are there.</summary>
    private sealed record LocalBackend(ILocalState State, InvocationQueues AsyncInvocations, PipelineServices Services, IExecutionStore Executions);
}
