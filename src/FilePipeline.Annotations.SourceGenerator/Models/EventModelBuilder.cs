using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FilePipeline.Annotations.SourceGenerator.Writers;

namespace FilePipeline.Annotations.SourceGenerator.Models;

/// <summary>
/// Turns [SQSEvent] and [S3Event] into the SAM event properties Lambda Annotations writes for them,
/// with its validation rules; only the properties set on the attribute are written.
/// </summary>
internal static class EventModelBuilder
{
    private static readonly Regex Alphanumeric = new("^[a-zA-Z0-9]+$");

    /// <returns>The event, or null with <paramref name="errors"/> saying why not.</returns>
    public static EventModel? Sqs(AttributeArguments arguments, bool returnsBatchResponse, List<string> errors)
    {
        var queue = arguments.ConstructorString(0) ?? "";
        var batchSize = arguments.UInt("BatchSize");
        var window = arguments.UInt("MaximumBatchingWindowInSeconds");
        var concurrency = arguments.UInt("MaximumConcurrency");
        var isReference = queue.StartsWith("@");
        var arnParts = queue.Split([':'], 6);
        if (batchSize is < 1 or > 10000)
        {
            errors.Add($"BatchSize = {batchSize}. It must be between 1 and 10000");
        }

        if (concurrency is < 2 or > 1000)
        {
            errors.Add($"MaximumConcurrency = {concurrency}. It must be between 2 and 1000");
        }

        if (window > 300)
        {
            errors.Add($"MaximumBatchingWindowInSeconds = {window}. It must be between 0 and 300");
        }

        if (batchSize > 10 && (window ?? 0) < 1)
        {
            errors.Add("MaximumBatchingWindowInSeconds must be at least 1 when BatchSize is greater than 10");
        }

        if (!isReference && queue.EndsWith(".fifo") && (window is not null || batchSize > 10))
        {
            errors.Add("a FIFO queue takes no MaximumBatchingWindowInSeconds and a BatchSize of at most 10");
        }

        if (isReference ? !Alphanumeric.IsMatch(queue.Substring(1)) : arnParts.Length != 6)
        {
            errors.Add($"Queue = {queue}. It must be '@LogicalId' of a queue in the template or a queue ARN 'arn:<partition>:sqs:<region>:<account-id>:<queue-name>'");
        }

        var resourceName = arguments.String("ResourceName")
            ?? (isReference ? queue.Substring(1) : arnParts.Length == 6 ? new string(arnParts[5].Where(char.IsLetterOrDigit).ToArray()) : "");
        CheckResourceName(resourceName, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var properties = new List<TemplateValue> { new("Queue", Json.ArnOrGetAtt(queue)) };
        if (batchSize is { } size)
        {
            properties.Add(new("BatchSize", size.ToString()));
        }

        if (arguments.Bool("Enabled") is { } enabled)
        {
            properties.Add(new("Enabled", Json.Bool(enabled)));
        }

        if (arguments.String("Filters") is { } filters)
        {
            var patterns = filters.Split(';').Select(f => Json.Object(("Pattern", Json.String(f.Trim()))));
            properties.Add(new("FilterCriteria.Filters", Json.Array(patterns)));
        }

        if (returnsBatchResponse)
        {
            properties.Add(new("FunctionResponseTypes", Json.Array([Json.String("ReportBatchItemFailures")])));
        }

        if (window is { } seconds)
        {
            properties.Add(new("MaximumBatchingWindowInSeconds", seconds.ToString()));
        }

        if (concurrency is { } maximum)
        {
            properties.Add(new("ScalingConfig.MaximumConcurrency", maximum.ToString()));
        }

        return new EventModel(resourceName, "SQS", properties.ToEquatableArray());
    }

    /// <returns>The event, or null with <paramref name="errors"/> saying why not.</returns>
    public static EventModel? S3(AttributeArguments arguments, List<string> errors)
    {
        var bucket = arguments.ConstructorString(0) ?? "";
        if (!bucket.StartsWith("@") || !Alphanumeric.IsMatch(bucket.Substring(1)))
        {
            errors.Add($"Bucket = {bucket}. S3 events need '@LogicalId' of a bucket in the same template");
        }

        var events = (arguments.String("Events") ?? "s3:ObjectCreated:*").Split(';').Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        if (events.Count == 0)
        {
            errors.Add("Events must name at least one S3 event type");
        }

        var resourceName = arguments.String("ResourceName") ?? (bucket.StartsWith("@") ? bucket.Substring(1) : bucket);
        CheckResourceName(resourceName, errors);
        if (errors.Count > 0)
        {
            return null;
        }

        var properties = new List<TemplateValue>
        {
            new("Bucket", Json.ValueOrRef(bucket)),
            new("Events", Json.Array(events.Select(Json.String))),
        };
        var rules = new List<string>();
        if (arguments.String("FilterPrefix") is { } prefix)
        {
            rules.Add(Json.Object(("Name", Json.String("prefix")), ("Value", Json.String(prefix))));
        }

        if (arguments.String("FilterSuffix") is { } suffix)
        {
            rules.Add(Json.Object(("Name", Json.String("suffix")), ("Value", Json.String(suffix))));
        }

        if (rules.Count > 0)
        {
            properties.Add(new("Filter.S3Key.Rules", Json.Array(rules)));
        }

        if (arguments.Bool("Enabled") is { } enabled)
        {
            properties.Add(new("Enabled", Json.Bool(enabled)));
        }

        return new EventModel(resourceName, "S3", properties.ToEquatableArray());
    }

    public static bool IsValidResourceName(string name) => Alphanumeric.IsMatch(name);

    private static void CheckResourceName(string name, List<string> errors)
    {
        if (!IsValidResourceName(name))
        {
            errors.Add($"ResourceName = {name}. It must only contain letters and digits");
        }
    }
}
