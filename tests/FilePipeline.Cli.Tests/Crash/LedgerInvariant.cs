using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Cli.Tests.Crash;

/// <summary>
/// The pipeline's promise, checked from outside on a settled state directory: every distinct upload
/// (stored object version) has exactly one ledger record, PROCESSED with its true row count or
/// FAILED with its work message in the dead-letter queue; none is PROCESSING. An upload without a
/// record is allowed only when ValidateUpload failed on it every time (a runner killed while it
/// held the event, three times over), so its S3 event is parked instead, in Lambda's OnFailure
/// destination record. No message is left outside the dead-letter queue and that destination.
/// </summary>
internal static class LedgerInvariant
{
    /// <returns>How many files ended PROCESSED and FAILED.</returns>
    public static (int Processed, int Failed) Check(PipelineProcess pipeline, IReadOnlyList<JsonObject> files, IReadOnlyDictionary<string, int> expectedRows)
    {
        var uploaded = UploadedFileIds(pipeline);
        var (parked, parkedEvents) = ParkedFileIds(pipeline);
        var records = files.Select(f => (Id: Text(f, "fileId"), Record: f)).ToList();

        Assert.True(uploaded.Count > 0, "nothing was uploaded");
        Assert.Empty(Query(pipeline, $"SELECT queue || ': ' || body FROM queue_messages WHERE dead_lettered_from IS NULL AND queue NOT LIKE '%{FailedInvokeQueueSuffix}'"));
        Assert.Equal(records.Count, records.Select(r => r.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Subset(uploaded, records.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));
        Assert.All(uploaded.Except(records.Select(r => r.Id)), id => Assert.True(parkedEvents.Contains(id), $"{id} was uploaded but has no ledger record"));
        var processed = 0;
        var failed = 0;
        foreach (var (id, record) in records)
        {
            var status = Text(record, "status");
            var name = Text(record, "fileName");
            switch (status)
            {
                case "PROCESSED":
                    Assert.True(expectedRows[name] == record["rowCount"]!.GetValue<int>(), $"{name}: {record.ToJsonString()}");
                    processed++;
                    break;
                case "FAILED":
                    Assert.True(parked.Contains(id) || parkedEvents.Contains(id), $"{name} is FAILED but neither its message nor its S3 event is parked: {record.ToJsonString()}");
                    Assert.Matches(@"^[A-Za-z][\w.]*: \S", Text(record, "lastError"));
                    failed++;
                    break;
                default:
                    Assert.Fail($"{name} ended {status}: {record.ToJsonString()}");
                    break;
            }
        }

        return (processed, failed);
    }

    private static string Text(JsonObject node, string property) => node[property]?.GetValue<string>() ?? "";

    /// <summary>fileId of every stored object version: <c>{bucket}/{key}@{eTag}</c>.</summary>
    private static HashSet<string> UploadedFileIds(PipelineProcess pipeline) =>
        Query(pipeline, "SELECT bucket || '/' || key || '@' || etag FROM object_versions").Cast<string>().ToHashSet(StringComparer.Ordinal);

    /// <summary>The template's failed-invoke queue is <c>${AWS::StackName}-failed-invokes</c>.</summary>
    private const string FailedInvokeQueueSuffix = "-failed-invokes";

    /// <summary>
    /// fileId of every work message moved to a dead-letter queue, and of every parked S3 event: one the
    /// queue redrove, or the request payload of a Lambda destination record (keys here need no URL-decoding).
    /// </summary>
    private static (HashSet<string> Work, HashSet<string> Events) ParkedFileIds(PipelineProcess pipeline)
    {
        var work = new HashSet<string>(StringComparer.Ordinal);
        var events = new HashSet<string>(StringComparer.Ordinal);
        var parked = $"SELECT body FROM queue_messages WHERE dead_lettered_from IS NOT NULL OR queue LIKE '%{FailedInvokeQueueSuffix}'";
        foreach (var body in Query(pipeline, parked).Cast<string>())
        {
            try
            {
                var message = JsonNode.Parse(body) as JsonObject;
                if (message?["eTag"] is JsonValue eTag)
                {
                    work.Add($"{message["bucket"]}/{message["key"]}@{eTag}");
                }

                var s3Event = message?["requestPayload"] as JsonObject ?? message;
                foreach (var record in s3Event?["Records"]?.AsArray() ?? [])
                {
                    var s3 = record!["s3"]!;
                    events.Add($"{s3["bucket"]!["name"]}/{s3["object"]!["key"]}@{s3["object"]!["eTag"]!.GetValue<string>().Trim('"').ToLowerInvariant()}");
                }
            }
            catch (JsonException)
            {
                // Not a work message.
            }
        }

        return (work, events);
    }

    private static List<object> Query(PipelineProcess pipeline, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(pipeline.StateDirectory, "filepipeline.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }
}
