using System.Globalization;
using System.Text.Json.Nodes;
using FilePipeline.Core.Ports;

namespace FilePipeline.Cli.Pipeline;

/// <summary>Prints the DLQ: work messages (their object key) and failed S3 events (ValidateUpload's OnFailure).</summary>
internal static class DeadLetterReport
{
    public static void Write(TextWriter output, IReadOnlyList<DeadLetter> letters, bool json)
    {
        if (json)
        {
            foreach (var letter in letters)
            {
                output.WriteLine(new JsonObject
                {
                    ["messageId"] = letter.MessageId,
                    ["receiveCount"] = letter.ReceiveCount,
                    ["sentAt"] = letter.SentAt,
                    ["body"] = letter.Body,
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
            ["MESSAGE ID", "RECEIVES", "SENT", "KIND", "OBJECT"],
            letters.Select(l => (IReadOnlyList<string>)
            [
                l.MessageId,
                l.ReceiveCount.ToString(CultureInfo.InvariantCulture),
                l.SentAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                .. Describe(l.Body),
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

        if (node?["Records"]?[0]?["s3"] is { } s3)
        {
            return ["s3 event", $"{s3["bucket"]?["name"]}/{s3["object"]?["key"]}"];
        }

        return node?["key"] is { } key ? ["work", $"{node["bucket"]}/{key}"] : ["unknown", ""];
    }
}
