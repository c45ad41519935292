using System.Text.Json.Nodes;

namespace FilePipeline.Host.Template;

/// <summary>Reads the template's functions with SAM's Globals applied (properties default to Globals, environment variables merge).</summary>
internal sealed class FunctionReader(JsonObject template, TemplateResolver resolver)
{
    // Lambda's own defaults when neither the function nor Globals set them.
    private const int DefaultTimeoutSeconds = 3;
    private const int DefaultMemorySize = 128;

    private JsonObject GlobalFunction => template["Globals"]?["Function"]?.AsObject() ?? [];

    public IReadOnlyList<FunctionDefinition> ReadAll() =>
        [.. resolver.ResourcesOfType("AWS::Serverless::Function").Select(Read)];

    private FunctionDefinition Read(string logicalId)
    {
        var properties = resolver.Properties(logicalId);
        var environment = Environment(logicalId, properties);
        var name = resolver.PhysicalName(logicalId);
        var invokeConfig = properties["EventInvokeConfig"] as JsonObject;
        var events = properties["Events"]?.AsObject() ?? [];
        return new FunctionDefinition
        {
            LogicalId = logicalId,
            Name = name,
            Arn = resolver.Identity.LambdaArn(name),
            Handler = environment.GetValueOrDefault("ANNOTATIONS_HANDLER") ?? logicalId,
            Timeout = TimeSpan.FromSeconds(Setting(logicalId, properties, "Timeout") ?? DefaultTimeoutSeconds),
            MemorySize = Setting(logicalId, properties, "MemorySize") ?? DefaultMemorySize,
            Environment = environment,
            MaximumRetryAttempts = invokeConfig?["MaximumRetryAttempts"] is { } retries ? resolver.Number(retries, $"{logicalId}.EventInvokeConfig.MaximumRetryAttempts") : 2,
            OnFailureQueue = invokeConfig?["DestinationConfig"]?["OnFailure"]?["Destination"] is { } destination
                ? TemplateResolver.TargetOf(destination, $"{logicalId}.EventInvokeConfig.DestinationConfig.OnFailure.Destination")
                : null,
            ReservedConcurrentExecutions = Setting(logicalId, properties, "ReservedConcurrentExecutions"),
            S3Events = events.Select(e => e.Value as JsonObject).Where(e => e?["Type"]?.GetValue<string>() == "S3").Select(e => S3Source(logicalId, e!)).FirstOrDefault(),
            SqsEvents = events.Select(e => e.Value as JsonObject).Where(e => e?["Type"]?.GetValue<string>() == "SQS").Select(e => SqsSource(logicalId, e!)).FirstOrDefault(),
        };
    }

    private int? Setting(string logicalId, JsonObject properties, string name) =>
        (properties[name] ?? GlobalFunction[name]) is { } value ? resolver.Number(value, $"{logicalId}.{name}") : null;

    private Dictionary<string, string> Environment(string logicalId, JsonObject properties)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in new[] { GlobalFunction, properties })
        {
            foreach (var (name, value) in source["Environment"]?["Variables"]?.AsObject() ?? [])
            {
                variables[name] = resolver.Text(value, $"{logicalId}.Environment.Variables.{name}");
            }
        }

        return variables;
    }

    private static S3EventSource S3Source(string logicalId, JsonObject source)
    {
        var properties = source["Properties"]?.AsObject() ?? [];
        var rules = properties["Filter"]?["S3Key"]?["Rules"]?.AsArray() ?? [];
        string? Rule(string kind) => rules.FirstOrDefault(r => string.Equals(r?["Name"]?.GetValue<string>(), kind, StringComparison.OrdinalIgnoreCase))?["Value"]?.GetValue<string>();
        return new S3EventSource(TemplateResolver.TargetOf(properties["Bucket"], $"{logicalId}.Events.S3.Bucket"), Rule("prefix"), Rule("suffix"));
    }

    private SqsEventSource SqsSource(string logicalId, JsonObject source)
    {
        var properties = source["Properties"]?.AsObject() ?? [];
        var responseTypes = properties["FunctionResponseTypes"]?.AsArray().Select(t => t?.GetValue<string>()) ?? [];
        // SAM's defaults for an SQS event: BatchSize 10, no batching window.
        return new SqsEventSource(
            TemplateResolver.TargetOf(properties["Queue"], $"{logicalId}.Events.SQS.Queue"),
            properties["BatchSize"] is { } size ? resolver.Number(size, $"{logicalId}.Events.SQS.BatchSize") : 10,
            properties["MaximumBatchingWindowInSeconds"] is { } window ? resolver.Number(window, $"{logicalId}.Events.SQS.MaximumBatchingWindowInSeconds") : 0,
            responseTypes.Contains("ReportBatchItemFailures"));
    }
}
