using System.Globalization;
using System.Text.Json.Nodes;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Executions.Rendering;

namespace FilePipeline.Cli.Pipeline;

/// <summary>Prints the DLQ's work messages (their object key) and the failed-invoke queue's records (their S3 event's key).</summary>
internal static class DeadLetterReport
{
    /// <param name="settled">Work messages whose file the ledger already shows settled (see <see cref="SettledDeadLetters"/>).</param>
    public static void Write(TextWriter output, IReadOnlyList<DeadLetter> workLetters, IReadOnlyList<DeadLetter> failedInvocations, IReadOnlyDictionary<string, FileStatus> settled, bool json)
    {
        var letters = workLetters.Select(l => (Queue: "dlq", Letter: l)).Concat(failedInvocations.Select(l => (Queue: "failed-invokes", Letter: l))).ToList();
        if (json)
        {
            foreach (var (queue, letter) in letters)
            {
                output.WriteLine(new JsonObject
                {
                    ["queue"] = queue,
                    ["messageId"] = letter.MessageId,
                    ["receiveCount"] = letter.ReceiveCount,
                    ["sentAt"] = letter.SentAt,
                    ["body"] = letter.Body,
                    ["ledgerStatus"] = settled.TryGetValue(letter.MessageId, out var status) ? FileRecordItem.StatusName(status) : null,
                }.ToJsonString());
            }

            return;
        }

        if (letters.Count == 0)
        {
            output.WriteLine("(the DLQ is empty)");
            return;
        }

        TextTable.Write(
            output,
            ["QUEUE", "MESSAGE ID", "RECEIVES", "SENT", "KIND", "OBJECT", "LEDGER"],
            letters.Select(l => (IReadOnlyList<string>)
            [
                l.Queue,
                l.Letter.MessageId,
                l.Letter.ReceiveCount.ToString(CultureInfo.InvariantCulture),
                l.Letter.SentAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                .. Describe(l.Letter.Body),
                settled.TryGetValue(l.Letter.MessageId, out var status) ? $"already {FileRecordItem.StatusName(status)}: a redrive ends DUPLICATE" : "",
            ]));
    }

    /// <summary>What a parked message is about: a work message's key, or an S3 event's key.</summary>
    private static string[] Describe(string body)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return ["unparseable", ""];
        }

        if (node?["requestContext"] is not null && node["requestPayload"]?["Records"]?[0]?["s3"] is { } failed)
        {
            return [$"failed invoke ({node["requestContext"]?["condition"]})", $"{failed["bucket"]?["name"]}/{failed["object"]?["key"]}"];
        }

        if (node?["Records"]?[0]?["s3"] is { } s3)
        {
            return ["s3 event", $"{s3["bucket"]?["name"]}/{s3["object"]?["key"]}"];
        }

        return node?["key"] is { } key ? ["work", $"{node["bucket"]}/{key}"] : ["unknown", ""];
    }
}
