using System.Globalization;
using System.Text.Json.Nodes;
using FilePipeline.Core.Ports;
using FilePipeline.Host.Template;
using FilePipeline.Local.Queues;
using FilePipeline.Serve.Protocol;

namespace FilePipeline.Serve.Sqs;

/// <summary>
/// The SQS operations over the embedded queues, on requests and responses in the JSON protocol's
/// shape (the Query protocol is translated to and from it): the work queue and the dead-letter
/// queues of the template, by URL <c>{endpoint}/{account}/{name}</c>.
/// </summary>
public sealed class SqsQueues(EmbeddedQueues queues, PipelineTemplate template)
{
    private readonly LocalAwsIdentity identity = template.Identity;

    /// <summary>The queues a user sees: the template's work queue and dead-letter queues.</summary>
    public IReadOnlyList<string> Names { get; } =
        [.. new[] { template.WorkQueue.Name, template.DeadLetterQueue.Name, template.ValidateUpload.OnFailureQueue is { } failures ? template.Queue(failures).Name : null }
            .OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <exception cref="AwsErrorException">An SQS error (InvalidAction for an operation serve does not offer).</exception>
    public async Task<JsonObject> ExecuteAsync(string operation, JsonObject request, string endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return operation switch
            {
                "ListQueues" => ListQueues(request, endpoint),
                "GetQueueUrl" => GetQueueUrl(request, endpoint),
                "GetQueueAttributes" => await GetQueueAttributesAsync(request, cancellationToken),
                "SendMessage" => await SendMessageAsync(request, cancellationToken),
                "SendMessageBatch" => await SendMessageBatchAsync(request, cancellationToken),
                "ReceiveMessage" => await ReceiveMessageAsync(request, cancellationToken),
                "DeleteMessage" => await Done(queues.DeleteMessageAsync(QueueName(request), Text(request, "ReceiptHandle"), cancellationToken)),
                "DeleteMessageBatch" => await DeleteMessageBatchAsync(request, cancellationToken),
                "ChangeMessageVisibility" => await Done(queues.ChangeMessageVisibilityAsync(QueueName(request), Text(request, "ReceiptHandle"), Number(request, "VisibilityTimeout") ?? 0, cancellationToken)),
                "ChangeMessageVisibilityBatch" => await ChangeMessageVisibilityBatchAsync(request, cancellationToken),
                "PurgeQueue" => await Done(queues.PurgeQueueAsync(QueueName(request), cancellationToken)),
                "StartMessageMoveTask" => await StartMessageMoveTaskAsync(request, cancellationToken),
                _ => throw new AwsErrorException("InvalidAction", $"The action {operation} is not valid for this endpoint."),
            };
        }
        catch (QueueOperationException e)
        {
            throw new AwsErrorException(e.ErrorCode, e.Message);
        }
    }

    private JsonObject ListQueues(JsonObject request, string endpoint)
    {
        var prefix = request["QueueNamePrefix"]?.GetValue<string>() ?? string.Empty;
        return new JsonObject
        {
            ["QueueUrls"] = new JsonArray([.. Names.Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).Select(name => (JsonNode)Url(endpoint, name))]),
        };
    }

    private JsonObject GetQueueUrl(JsonObject request, string endpoint)
    {
        var name = Text(request, "QueueName");
        return Names.Contains(name) ? new JsonObject { ["QueueUrl"] = Url(endpoint, name) } : throw NonExistentQueue();
    }

    private async Task<JsonObject> GetQueueAttributesAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var name = QueueName(request);
        var attributes = await queues.GetQueueAttributesAsync(name, cancellationToken);
        var counts = await queues.GetQueueCountsAsync(name, cancellationToken);
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["QueueArn"] = identity.QueueArn(name),
            ["ApproximateNumberOfMessages"] = Invariant(counts.Visible),
            ["ApproximateNumberOfMessagesNotVisible"] = Invariant(counts.NotVisible),
            ["ApproximateNumberOfMessagesDelayed"] = "0",
            ["VisibilityTimeout"] = Invariant(attributes.VisibilityTimeout),
            ["MessageRetentionPeriod"] = Invariant(attributes.MessageRetentionPeriod),
            ["ReceiveMessageWaitTimeSeconds"] = Invariant(attributes.ReceiveMessageWaitTimeSeconds),
            ["DelaySeconds"] = "0",
            ["MaximumMessageSize"] = "262144",
        };
        if (attributes.RedrivePolicy is { } redrive)
        {
            all["RedrivePolicy"] = new JsonObject { ["deadLetterTargetArn"] = identity.QueueArn(redrive.DeadLetterTarget), ["maxReceiveCount"] = redrive.MaxReceiveCount }.ToJsonString();
        }

        var wanted = StringSet(request, "AttributeNames");
        var chosen = wanted.Contains("All") ? all : all.Where(pair => wanted.Contains(pair.Key)).ToDictionary();
        return chosen.Count == 0 ? [] : new JsonObject { ["Attributes"] = Map(chosen) };
    }

    private async Task<JsonObject> SendMessageAsync(JsonObject request, CancellationToken cancellationToken)
    {
        RejectUnsupported(request);
        var sent = await queues.SendMessageAsync(QueueName(request), Text(request, "MessageBody"), cancellationToken);
        return new JsonObject { ["MessageId"] = sent.MessageId, ["MD5OfMessageBody"] = sent.MD5OfMessageBody };
    }

    private async Task<JsonObject> SendMessageBatchAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var entries = Entries(request);
        entries.ForEach(RejectUnsupported);
        var result = await queues.SendMessageBatchAsync(QueueName(request), [.. entries.Select(entry => new OutgoingMessage(Text(entry, "Id"), Text(entry, "MessageBody")))], cancellationToken);
        return new JsonObject
        {
            ["Successful"] = new JsonArray([.. result.Successful.Select(ok => (JsonNode)new JsonObject { ["Id"] = ok.Id, ["MessageId"] = ok.MessageId, ["MD5OfMessageBody"] = ok.MD5OfMessageBody })]),
            ["Failed"] = new JsonArray([.. result.Failed.Select(failed => (JsonNode)new JsonObject { ["Id"] = failed.Id, ["SenderFault"] = failed.SenderFault, ["Code"] = failed.Code, ["Message"] = failed.Message })]),
        };
    }

    private async Task<JsonObject> ReceiveMessageAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var received = await queues.ReceiveMessageAsync(
            new ReceiveMessageRequest(QueueName(request))
            {
                MaxNumberOfMessages = Number(request, "MaxNumberOfMessages") ?? 1,
                VisibilityTimeout = Number(request, "VisibilityTimeout"),
                WaitTimeSeconds = Number(request, "WaitTimeSeconds"),
            },
            cancellationToken);
        var wanted = StringSet(request, "AttributeNames").Concat(StringSet(request, "MessageSystemAttributeNames")).ToHashSet(StringComparer.Ordinal);
        var messages = new JsonArray();
        foreach (var message in received)
        {
            var json = new JsonObject { ["MessageId"] = message.MessageId, ["ReceiptHandle"] = message.ReceiptHandle, ["MD5OfBody"] = message.MD5OfBody, ["Body"] = message.Body };
            var attributes = message.Attributes.Where(pair => wanted.Contains("All") || wanted.Contains(pair.Key)).ToDictionary();
            if (attributes.Count > 0)
            {
                json["Attributes"] = Map(attributes);
            }

            messages.Add((JsonNode)json);
        }

        return received.Count == 0 ? [] : new JsonObject { ["Messages"] = messages };
    }

    private async Task<JsonObject> DeleteMessageBatchAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var entries = Entries(request);
        await queues.DeleteMessageBatchAsync(QueueName(request), [.. entries.Select(entry => Text(entry, "ReceiptHandle"))], cancellationToken);
        return new JsonObject
        {
            ["Successful"] = new JsonArray([.. entries.Select(entry => (JsonNode)new JsonObject { ["Id"] = Text(entry, "Id") })]),
            ["Failed"] = new JsonArray(),
        };
    }

    /// <summary>Each entry on its own, as SQS does: a stale or malformed handle fails that entry only.</summary>
    private async Task<JsonObject> ChangeMessageVisibilityBatchAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var queue = QueueName(request);
        var entries = Entries(request);
        if (entries.Count is 0 or > 10)
        {
            throw new AwsErrorException(entries.Count == 0 ? QueueErrorCodes.EmptyBatchRequest : QueueErrorCodes.TooManyEntriesInBatchRequest, $"A batch holds 1 to 10 entries; this one has {entries.Count}.");
        }

        var successful = new JsonArray();
        var failed = new JsonArray();
        foreach (var entry in entries)
        {
            try
            {
                await queues.ChangeMessageVisibilityAsync(queue, Text(entry, "ReceiptHandle"), Number(entry, "VisibilityTimeout") ?? 0, cancellationToken);
                successful.Add((JsonNode)new JsonObject { ["Id"] = Text(entry, "Id") });
            }
            catch (QueueOperationException e)
            {
                failed.Add((JsonNode)new JsonObject { ["Id"] = Text(entry, "Id"), ["SenderFault"] = true, ["Code"] = e.ErrorCode, ["Message"] = e.Message });
            }
        }

        return new JsonObject { ["Successful"] = successful, ["Failed"] = failed };
    }

    /// <summary>The DLQ redrive: moves the source queue's messages back to where they came from (or to DestinationArn), done at once.</summary>
    private async Task<JsonObject> StartMessageMoveTaskAsync(JsonObject request, CancellationToken cancellationToken)
    {
        var source = QueueNameOfArn(Text(request, "SourceArn"));
        var destination = request["DestinationArn"]?.GetValue<string>() is { } arn ? QueueNameOfArn(arn) : null;
        var moved = await queues.MoveMessagesAsync(source, messageId: null, destination, cancellationToken);
        return new JsonObject { ["TaskHandle"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{source}:{moved}:{Guid.NewGuid():N}")) };
    }

    private string QueueNameOfArn(string arn)
    {
        var name = arn[(arn.LastIndexOf(':') + 1)..];
        return arn == identity.QueueArn(name) && Names.Contains(name) ? name : throw new AwsErrorException("ResourceNotFoundException", $"The resource that you specified for the SourceArn/DestinationArn parameter doesn't exist: {arn}");
    }

    private string QueueName(JsonObject request)
    {
        var url = Text(request, "QueueUrl");
        var name = url[(url.TrimEnd('/').LastIndexOf('/') + 1)..].TrimEnd('/');
        return Names.Contains(name) ? name : throw NonExistentQueue();
    }

    private string Url(string endpoint, string name) => $"{endpoint}/{identity.AccountId}/{name}";

    private static void RejectUnsupported(JsonObject request)
    {
        if (request["MessageAttributes"] is JsonObject { Count: > 0 } || request["MessageSystemAttributes"] is JsonObject { Count: > 0 } || Number(request, "DelaySeconds") is > 0)
        {
            throw new AwsErrorException(QueueErrorCodes.InvalidParameterValue, "serve's queues keep message bodies only: MessageAttributes, MessageSystemAttributes and DelaySeconds are not supported.");
        }
    }

    private static List<JsonObject> Entries(JsonObject request) =>
        [.. (request["Entries"] as JsonArray ?? []).OfType<JsonObject>()];

    private static HashSet<string> StringSet(JsonObject request, string member) =>
        [.. (request[member] as JsonArray ?? []).Select(node => node?.GetValue<string>()).OfType<string>()];

    private static string Text(JsonObject request, string member) =>
        request[member]?.GetValue<string>() ?? throw new AwsErrorException("MissingParameter", $"The request must contain the parameter {member}.");

    private static int? Number(JsonObject request, string member) => request[member] switch
    {
        null => null,
        JsonValue value when value.TryGetValue(out int number) => number,
        JsonValue value when int.TryParse(value.ToString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw new AwsErrorException(QueueErrorCodes.InvalidParameterValue, $"Value for parameter {member} is invalid: it must be an integer."),
    };

    private static JsonObject Map(IEnumerable<KeyValuePair<string, string>> pairs) =>
        new(pairs.Select(pair => KeyValuePair.Create(pair.Key, (JsonNode?)pair.Value)));

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static async Task<JsonObject> Done(Task operation)
    {
        await operation;
        return [];
    }

    private static AwsErrorException NonExistentQueue() => new(QueueErrorCodes.QueueDoesNotExist, "The specified queue does not exist.");
}
