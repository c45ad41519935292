using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Host;
using FilePipeline.States.Store;

namespace FilePipeline.Serve.Console;

/// <summary>
/// What the console shows, as one JSON snapshot it polls: the latest executions (filtered by file and
/// outcome), the ledger, both dead-letter queues with their messages, and the functions' last log lines.
/// </summary>
public sealed class ConsoleData(LocalPipeline pipeline)
{
    private const int MaxRows = 100;
    private const int MaxBodyChars = 500;

    private readonly FunctionLogTail logs = new(Path.Combine(pipeline.Options.StateDirectory, "logs"));

    /// <summary>The two queues a message can be parked in, by the id the console uses for them.</summary>
    private readonly Dictionary<string, (string Name, string Description, IDeadLetterQueue Queue)> deadLetterQueues = new(StringComparer.Ordinal)
    {
        ["work"] = (pipeline.Template.DeadLetterQueue.Name, "Work messages that failed every receive; redrive sends them back to the work queue.", pipeline.DeadLetters),
        ["failed-invocations"] = (pipeline.FailedInvokeQueue, "ValidateUpload invocations that failed every attempt; redrive invokes it again with the S3 event.", pipeline.FailedInvocations),
    };

    /// <param name="file">Part of a file id (bucket/key@eTag), any case.</param>
    /// <param name="outcome">PROCESSED, DUPLICATE, REJECTED, or an execution status (RUNNING, FAILED, …).</param>
    public async Task<JsonObject> SnapshotAsync(string? file, string? outcome, CancellationToken cancellationToken)
    {
        var executions = pipeline.Executions.List(limit: 10 * MaxRows)
            .Where(e => string.IsNullOrEmpty(file) || (e.FileId?.Contains(file, StringComparison.OrdinalIgnoreCase) ?? false))
            .Where(e => string.IsNullOrEmpty(outcome) || e.Outcome == outcome || e.Status == outcome)
            .Take(MaxRows);
        var ledger = (await pipeline.Ledger.ListAsync(null, cancellationToken)).OrderByDescending(r => r.UpdatedAt).Take(MaxRows);
        var queues = new JsonArray();
        foreach (var (id, (name, description, queue)) in deadLetterQueues)
        {
            var messages = await queue.ListAsync(cancellationToken);
            queues.Add((JsonNode)new JsonObject
            {
                ["id"] = id,
                ["name"] = name,
                ["description"] = description,
                ["messages"] = new JsonArray([.. messages.Take(MaxRows).Select(m => new JsonObject
                {
                    ["messageId"] = m.MessageId,
                    ["receiveCount"] = m.ReceiveCount,
                    ["sentAt"] = m.SentAt,
                    ["body"] = m.Body.Length <= MaxBodyChars ? m.Body : m.Body[..MaxBodyChars] + "…",
                })]),
                ["count"] = messages.Count,
            });
        }

        return new JsonObject
        {
            ["executions"] = new JsonArray([.. executions.Select(Execution)]),
            ["ledger"] = new JsonArray([.. ledger.Select(Record)]),
            ["queues"] = queues,
            ["logs"] = new JsonArray([.. logs.Last(50).Select(LogLine)]),
        };
    }

    /// <summary>Redrives every message of the queue; null for a queue the console does not know.</summary>
    public async Task<int?> RedriveAsync(string queueId, CancellationToken cancellationToken) =>
        deadLetterQueues.TryGetValue(queueId, out var queue) ? await queue.Queue.RedriveAsync(null, cancellationToken) : null;

    private static JsonObject Execution(ExecutionRecord e) => new()
    {
        ["id"] = e.Id,
        ["name"] = e.Name,
        ["status"] = e.Status,
        ["outcome"] = e.Outcome,
        ["fileId"] = e.FileId,
        ["error"] = e.Error,
        ["startDate"] = e.StartDate,
        ["durationMs"] = e.StopDate is { } stop ? (long)(stop - e.StartDate).TotalMilliseconds : null,
    };

    private static JsonObject Record(FileRecord r) => new()
    {
        ["fileId"] = r.FileId,
        ["key"] = r.Key,
        ["status"] = FileRecordItem.StatusName(r.Status),
        ["rowCount"] = r.RowCount,
        ["attempts"] = r.Attempts,
        ["updatedAt"] = r.UpdatedAt,
        ["note"] = r.Reason ?? r.LastError,
    };

    /// <summary>A function's JSON log line as its fields; a line that is not JSON as its text.</summary>
    private static JsonObject LogLine(string line)
    {
        try
        {
            if (JsonNode.Parse(line) is JsonObject json)
            {
                return new JsonObject
                {
                    ["timestamp"] = json["timestamp"]?.DeepClone(),
                    ["level"] = json["level"]?.DeepClone(),
                    ["function"] = json["function"]?.DeepClone(),
                    ["message"] = json["message"]?.DeepClone(),
                };
            }
        }
        catch (JsonException)
        {
            // Shown as text below.
        }

        return new JsonObject { ["message"] = line };
    }
}
