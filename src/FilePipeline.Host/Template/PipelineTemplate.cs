using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Functions;

namespace FilePipeline.Host.Template;

/// <summary>
/// What the local stack takes from serverless.template and aws-lambda-tools-defaults.json: names,
/// queue and redrive settings, function timeouts, memory, environment and event sources, and the
/// state machine's definition file and substitutions. Nothing here restates the template.
/// </summary>
public sealed class PipelineTemplate
{
    public const string TemplateFileName = "serverless.template";
    public const string ToolsDefaultsFileName = "aws-lambda-tools-defaults.json";

    private readonly TemplateResolver resolver;

    private PipelineTemplate(string path, TemplateResolver resolver) => (TemplatePath, this.resolver) = (path, resolver);

    public string TemplatePath { get; }

    public LocalAwsIdentity Identity => resolver.Identity;

    /// <summary>The name the template gives a resource itself, or null when CloudFormation generates it (see <see cref="OutputKeyOf"/>).</summary>
    public string? ExplicitName(string logicalId) => resolver.ExplicitName(logicalId);

    /// <summary>The physical name of any resource of the template (see <see cref="TemplateResolver.PhysicalName"/>).</summary>
    public string PhysicalName(string logicalId) => resolver.PhysicalName(logicalId);

    /// <summary>The key of the template output that returns the resource (its Ref), or null.</summary>
    public string? OutputKeyOf(string logicalId) => resolver.OutputKeyOf(logicalId);

    public required BucketSettings Bucket { get; init; }

    public required QueueSettings WorkQueue { get; init; }

    public required QueueSettings DeadLetterQueue { get; init; }

    /// <summary>ValidateUpload's OnFailure destination queue, when the template gives one.</summary>
    public QueueSettings? OnFailureQueue { get; init; }

    public required TableSettings Table { get; init; }

    public required FunctionDefinition ValidateUpload { get; init; }

    public required FunctionDefinition ProcessQueue { get; init; }

    public required FunctionDefinition InspectFile { get; init; }

    public required StateMachineSettings StateMachine { get; init; }

    /// <summary>Every function resource of the template: the pipeline's three and any other.</summary>
    public required IReadOnlyList<FunctionDefinition> Functions { get; init; }

    /// <summary>The queue (by logical id) the template names: the work queue, its dead-letter queue or ValidateUpload's OnFailure queue.</summary>
    public QueueSettings Queue(string logicalId) =>
        logicalId == WorkQueue.LogicalId ? WorkQueue
        : logicalId == DeadLetterQueue.LogicalId ? DeadLetterQueue
        : logicalId == OnFailureQueue?.LogicalId ? OnFailureQueue
        : throw new TemplateException($"Queue {logicalId} is neither the work queue, its dead-letter queue nor ValidateUpload's OnFailure queue.");

    /// <summary>Reads the template and the tools defaults beside it, for the local stack.</summary>
    /// <exception cref="TemplateException">A file is missing or lacks a resource or setting the local stack needs.</exception>
    public static PipelineTemplate Load(string templatePath) => Load(templatePath, identity: null, generatedNames: null);

    /// <summary>Reads the template as the stack <paramref name="identity"/> names (null: the local one of the tools defaults).</summary>
    /// <param name="generatedNames">Names CloudFormation generated for unnamed resources of a deployed stack, by logical id.</param>
    /// <exception cref="TemplateException">A file is missing or lacks a resource or setting the local stack needs.</exception>
    public static PipelineTemplate Load(string templatePath, LocalAwsIdentity? identity, IReadOnlyDictionary<string, string>? generatedNames)
    {
        var fullPath = Path.GetFullPath(templatePath);
        var directory = Path.GetDirectoryName(fullPath)!;
        var template = ReadJson(fullPath);
        var defaults = ReadJson(Path.Combine(directory, ToolsDefaultsFileName));
        identity ??= new LocalAwsIdentity(defaults["stack-name"]?.GetValue<string>() is { Length: > 0 } stack ? stack : "filepipeline");
        var resolver = new TemplateResolver(template, identity, generatedNames);
        var functions = new FunctionReader(template, resolver).ReadAll();

        var processQueue = Single(functions, HandlerNames.ProcessQueue);
        var workQueueId = processQueue.SqsEvents?.QueueLogicalId ?? throw new TemplateException("The ProcessQueue function has no SQS event.");
        var workQueue = ReadQueue(resolver, workQueueId);
        var deadLetterId = workQueue.Redrive?.DeadLetterLogicalId ?? throw new TemplateException($"Queue {workQueueId} has no RedrivePolicy.");
        var validate = Single(functions, HandlerNames.ValidateUpload);
        var bucketId = validate.S3Events?.BucketLogicalId ?? throw new TemplateException("The ValidateUpload function has no S3 event.");
        return new PipelineTemplate(fullPath, resolver)
        {
            Bucket = new BucketSettings(bucketId, resolver.PhysicalName(bucketId)),
            WorkQueue = workQueue,
            DeadLetterQueue = ReadQueue(resolver, deadLetterId),
            OnFailureQueue = validate.OnFailureQueue is { } onFailureId ? ReadQueue(resolver, onFailureId) : null,
            Table = ReadTable(resolver),
            ValidateUpload = validate,
            ProcessQueue = processQueue,
            InspectFile = Single(functions, HandlerNames.InspectFile),
            Functions = functions,
            StateMachine = ReadStateMachine(resolver, defaults, directory),
        };
    }

    private static JsonObject ReadJson(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new TemplateException($"{path} is empty.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TemplateException(Directory.Exists(path) ? $"{path} is a directory, not a template file." : $"Cannot read {path}: {e.Message}");
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new TemplateException($"{path} is not a JSON object: {e.Message}");
        }
    }

    private static FunctionDefinition Single(IReadOnlyList<FunctionDefinition> functions, string handler)
    {
        var matches = functions.Where(f => f.Handler == handler).ToList();
        return matches.Count == 1
            ? matches[0]
            : throw new TemplateException($"Expected one function with ANNOTATIONS_HANDLER={handler}, found {matches.Count}.");
    }

    private static QueueSettings ReadQueue(TemplateResolver resolver, string logicalId)
    {
        if (resolver.TypeOf(logicalId) != "AWS::SQS::Queue")
        {
            throw new TemplateException($"{logicalId} is not an AWS::SQS::Queue.");
        }

        var properties = resolver.Properties(logicalId);
        QueueRedrive? redrive = null;
        if (properties["RedrivePolicy"] is JsonObject policy)
        {
            redrive = new QueueRedrive(
                TemplateResolver.TargetOf(policy["deadLetterTargetArn"], $"{logicalId}.RedrivePolicy.deadLetterTargetArn"),
                resolver.Number(policy["maxReceiveCount"], $"{logicalId}.RedrivePolicy.maxReceiveCount"));
        }

        // CloudFormation's defaults for properties the template leaves out (SQS: 30 s, 4 days).
        return new QueueSettings(
            logicalId,
            resolver.PhysicalName(logicalId),
            properties["VisibilityTimeout"] is { } visibility ? resolver.Number(visibility, $"{logicalId}.VisibilityTimeout") : 30,
            properties["MessageRetentionPeriod"] is { } retention ? resolver.Number(retention, $"{logicalId}.MessageRetentionPeriod") : 345_600,
            redrive);
    }

    private static TableSettings ReadTable(TemplateResolver resolver)
    {
        var tables = resolver.ResourcesOfType("AWS::DynamoDB::Table").ToList();
        if (tables.Count != 1)
        {
            throw new TemplateException($"Expected one AWS::DynamoDB::Table, found {tables.Count}.");
        }

        var hashKey = resolver.Properties(tables[0])["KeySchema"]?.AsArray()
            .FirstOrDefault(key => key?["KeyType"]?.GetValue<string>() == "HASH")?["AttributeName"]?.GetValue<string>()
            ?? throw new TemplateException($"{tables[0]} has no HASH key.");
        return new TableSettings(tables[0], resolver.PhysicalName(tables[0]), hashKey);
    }

    private static StateMachineSettings ReadStateMachine(TemplateResolver resolver, JsonObject defaults, string directory)
    {
        var machines = resolver.ResourcesOfType("AWS::Serverless::StateMachine").ToList();
        if (machines.Count != 1)
        {
            throw new TemplateException($"Expected one AWS::Serverless::StateMachine, found {machines.Count}.");
        }

        var id = machines[0];
        var properties = resolver.Properties(id);
        var substitutions = (properties["DefinitionSubstitutions"]?.AsObject() ?? [])
            .ToDictionary(pair => pair.Key, pair => resolver.Text(pair.Value, $"{id}.DefinitionSubstitutions.{pair.Key}"), StringComparer.Ordinal);
        var name = resolver.PhysicalName(id);
        var logging = properties["Logging"] as JsonObject;
        var destination = logging?["Destinations"]?.AsArray().FirstOrDefault()?["CloudWatchLogsLogGroup"]?["LogGroupArn"];
        return new StateMachineSettings(
            id,
            name,
            resolver.Identity.StateMachineArn(name),
            string.Equals(properties["Type"]?.GetValue<string>(), "EXPRESS", StringComparison.OrdinalIgnoreCase),
            Path.Combine(directory, DefinitionFile(defaults, id)),
            substitutions)
        {
            LoggingLevel = logging?["Level"] is { } level ? resolver.Text(level, $"{id}.Logging.Level") : "OFF",
            IncludesExecutionData = logging?["IncludeExecutionData"] is JsonValue included && included.TryGetValue<bool>(out var data) && data,
            LogGroupLogicalId = destination is null ? null : TemplateResolver.TargetOf(destination, $"{id}.Logging.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn"),
        };
    }

    /// <summary>The file that template-substitutions injects at <c>$.Resources.{id}.Properties.Definition</c>.</summary>
    private static string DefinitionFile(JsonObject defaults, string stateMachineId)
    {
        var target = $"$.Resources.{stateMachineId}.Properties.Definition=";
        var substitutions = defaults["template-substitutions"]?.GetValue<string>() ?? "";
        var entry = substitutions.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(item => item.StartsWith(target, StringComparison.Ordinal));
        return entry?[target.Length..]
            ?? throw new TemplateException($"{ToolsDefaultsFileName} has no template-substitutions entry for {target[..^1]}.");
    }
}
