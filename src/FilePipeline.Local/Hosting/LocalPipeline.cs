using System.Globalization;
using FilePipeline.Core.Ports;
using FilePipeline.Functions.Runtime;
using FilePipeline.Host;
using FilePipeline.Host.Executions;
using FilePipeline.Host.Faults;
using FilePipeline.Host.Integrations;
using FilePipeline.Host.Template;
using FilePipeline.Local.Executions;
using FilePipeline.Local.Objects;
using FilePipeline.Local.Queues;
using FilePipeline.Local.Storage;
using FilePipeline.Local.Table;
using FilePipeline.States;
using FilePipeline.States.Store;

namespace FilePipeline.Local.Hosting;

/// <summary>
/// The whole pipeline over one state directory, composed as the template describes it: bucket →
/// ValidateUpload (async invoke) → work queue + DLQ → ProcessQueue → the state machine, whose
/// tasks reach the embedded table and the in-process InspectFile function.
/// </summary>
public sealed class LocalPipeline : IDisposable
{
    private readonly TextWriter? ownedLog;

    private LocalPipeline(LocalHostOptions options, PipelineTemplate template, TextWriter? ownedLog, PipelineServices? services)
    {
        Options = options;
        Template = template;
        this.ownedLog = ownedLog;
        Definition = LoadDefinition(template.StateMachine);
        options.Faults.RequireKnownTargets([.. template.Functions.Select(f => (IReadOnlyList<string>)[f.Handler, f.Name, f.LogicalId, f.Arn])], Definition.StateNames);
        Database = new LocalDatabase(options.StateDirectory, options.BusyTimeout);
        Queues = new EmbeddedQueues(Database, options.Time);
        Services = services ?? EmbeddedServices(Database, Queues, options, template);
        Executions = new ExecutionStore(Database);
        Faults = new FaultInjector(options.Faults, options.Exit);
        TaskHandlers = DynamoDbTaskHandler.RegisterAll(new TaskHandlerRegistry(), Services.Table);
        // Only an exit fault needs each event stored before the engine moves on; otherwise events ride the next group commit.
        Workflows = new LocalWorkflowStarter(Definition, TaskHandlers, EngineOptions(), Executions, options.Time, options.Faults.Exits.Count > 0 ? Faults.AfterHistoryEvent : null);
        var logger = new JsonLambdaLogger(options.FunctionLog ?? ownedLog ?? TextWriter.Null, options.Time);
        Functions = new LocalFunctions(
            template, options.EnvironmentOverrides, Services.Objects, Services.WorkQueue, Services.WorkQueueConsumer, Services.FunctionLedger, Workflows, Faults, logger, options.Time, options.FunctionRegistry);
        TaskHandlers.Register(LambdaInvokeTaskHandler.Resource, new LambdaInvokeTaskHandler(Functions));
    }

    public LocalHostOptions Options { get; }

    public PipelineTemplate Template { get; }

    public LocalDatabase Database { get; }

    public EmbeddedQueues Queues { get; }

    /// <summary>Bucket, work queue, ledger, DLQ and table: embedded, or the real services of <c>--backend aws</c>.</summary>
    public PipelineServices Services { get; }

    public IObjectStore Objects => Services.Objects;

    /// <summary>The ledger as the host and the CLI read it, free of injected faults.</summary>
    public ILedger Ledger => Services.Ledger;

    public IDeadLetterQueue DeadLetters => Services.DeadLetters;

    /// <summary>ValidateUpload's OnFailure destination; redrive invokes ValidateUpload again with each record's event.</summary>
    public IDeadLetterQueue FailedInvocations => new FailedInvocationQueue(Queues, FailedInvokeQueue, AsyncInvokeQueue);

    public IExecutionStore Executions { get; }

    public FaultInjector Faults { get; }

    public StateMachineDefinition Definition { get; }

    /// <summary>dynamodb:* → the table, lambda:invoke → <see cref="Functions"/>; reusable for other definitions.</summary>
    public TaskHandlerRegistry TaskHandlers { get; }

    public LocalWorkflowStarter Workflows { get; }

    public LocalFunctions Functions { get; }

    /// <summary>The internal queue of ValidateUpload's asynchronous invocations (the S3 notification target).</summary>
    public string AsyncInvokeQueue => Template.ValidateUpload.Name + "-async-invoke";

    /// <summary>ValidateUpload's OnFailure destination: Lambda's records of invocations that failed every attempt.</summary>
    public string FailedInvokeQueue => Template.ValidateUpload.OnFailureQueue is { } destination ? Template.Queue(destination).Name : Template.ValidateUpload.Name + "-async-failures";

    public string BucketName => Template.Bucket.Name;

    /// <summary>Opens (creating on first use) the state directory and the resources of the template.</summary>
    /// <exception cref="TemplateException">The template cannot be read or lacks a resource.</exception>
    public static Task<LocalPipeline> OpenAsync(LocalHostOptions options, CancellationToken cancellationToken = default) =>
        OpenAsync(options, null, cancellationToken);

    /// <summary>Opens the pipeline over the services <paramref name="external"/> composes from the template (null: the embedded ones).</summary>
    /// <exception cref="TemplateException">The template cannot be read or lacks a resource.</exception>
    public static async Task<LocalPipeline> OpenAsync(
        LocalHostOptions options, Func<PipelineTemplate, CancellationToken, Task<PipelineServices>>? external, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var template = PipelineTemplate.Load(options.TemplatePath);
        RequireVisibilityBeyondLease(options, template);
        var services = external is null ? null : await external(template, cancellationToken);
        var pipeline = new LocalPipeline(options, template, options.FunctionLog is null ? OpenLogFile(options) : null, services);
        try
        {
            await pipeline.CreateResourcesAsync(cancellationToken);
            return pipeline;
        }
        catch (QueueOperationException e) when (e.ErrorCode == QueueErrorCodes.InvalidParameterValue)
        {
            pipeline.Dispose();
            throw new TemplateException($"{options.TemplatePath}: a queue setting is out of range: {e.Message}");
        }
        catch
        {
            pipeline.Dispose();
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

    public void Dispose()
    {
        ownedLog?.Dispose();
        Services.Owned?.Dispose();
    }

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
            var s3Event = S3EventNotification.ObjectCreatedPut(info, sequencer, Template.Identity.Region, Template.ValidateUpload.LogicalId + "-S3");
            await Queues.SendMessageAsync(AsyncInvokeQueue, s3Event, cancellationToken);
        }

        return info;
    }

    private static PipelineServices EmbeddedServices(LocalDatabase database, EmbeddedQueues queues, LocalHostOptions options, PipelineTemplate template)
    {
        var table = new EmbeddedDynamoDb(database, new EmbeddedDynamoDbOptions { ThrottleRate = options.Faults.ThrottleRate }, options.Time);
        return new PipelineServices(
            new EmbeddedObjectStore(database, queues, options.Time, template.Identity.Region),
            new EmbeddedJobQueue(queues, template.WorkQueue.Name),
            new EmbeddedWorkQueueConsumer(queues, template.WorkQueue.Name),
            new EmbeddedLedger(table, template.Table.Name),
            // The host's own reads (retry visibility, reports) are not subject to injected throttling.
            new EmbeddedLedger(new EmbeddedDynamoDb(database, timeProvider: options.Time), template.Table.Name),
            new EmbeddedDeadLetterQueue(queues, template.DeadLetterQueue.Name),
            DynamoDbTaskHandler.NamingErrors<DynamoDbException>(table.ExecuteAsync, e => (e.ErrorName, e.Message)),
            NotifiesUploads: true);
    }

    private async Task CreateResourcesAsync(CancellationToken cancellationToken)
    {
        var deadLetter = Template.DeadLetterQueue;
        var work = Template.WorkQueue;
        var validate = Template.ValidateUpload;
        await EnsureQueueAsync(deadLetter.Name, Attributes(deadLetter, null), cancellationToken);
        await EnsureQueueAsync(work.Name, Attributes(work, work.Redrive is { } redrive ? new RedrivePolicy(Template.Queue(redrive.DeadLetterLogicalId).Name, redrive.MaxReceiveCount) : null), cancellationToken);

        // Lambda's async invoke: 1 try + MaximumRetryAttempts retries, then the invocation record to
        // the OnFailure destination (the poller writes it; a redrive would move the bare event).
        await EnsureQueueAsync(
            FailedInvokeQueue,
            validate.OnFailureQueue is { } destination ? Attributes(Template.Queue(destination), null) : new QueueAttributes { MessageRetentionPeriod = 1_209_600 },
            cancellationToken);
        await EnsureQueueAsync(AsyncInvokeQueue, new QueueAttributes
        {
            VisibilityTimeout = (int)Math.Ceiling(validate.Timeout.TotalSeconds),
            MessageRetentionPeriod = 21_600, // Lambda keeps async events up to 6 hours.
        }, cancellationToken);
        if (Objects is EmbeddedObjectStore embedded)
        {
            await embedded.CreateBucketAsync(BucketName, new BucketNotification(AsyncInvokeQueue, validate.LogicalId + "-S3"), cancellationToken);
        }
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

    private static QueueAttributes Attributes(QueueSettings queue, RedrivePolicy? redrive) => new()
    {
        VisibilityTimeout = queue.VisibilityTimeout,
        MessageRetentionPeriod = queue.MessageRetentionPeriod,
        RedrivePolicy = redrive,
    };

    /// <summary>Creates the queue, or brings an existing one in line with the template (its parameters may have changed).</summary>
    private async Task EnsureQueueAsync(string name, QueueAttributes attributes, CancellationToken cancellationToken)
    {
        try
        {
            await Queues.CreateQueueAsync(name, attributes, cancellationToken);
        }
        catch (QueueOperationException e) when (e.ErrorCode == QueueErrorCodes.QueueNameExists)
        {
            await Queues.SetQueueAttributesAsync(name, attributes, cancellationToken);
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
}
