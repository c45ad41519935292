using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using FilePipeline.Aws.Protocol;

namespace FilePipeline.Aws.Logs;

/// <summary>
/// The CloudWatch Logs read this project needs, over JSON 1.1 (no AWSSDK package for Logs is
/// served here): FilterLogEvents across a log group's streams, page after page.
/// </summary>
public sealed class CloudWatchLogsClient(AwsJsonClient client, AwsJsonEndpoint endpoint)
{
    public const string TargetPrefix = "Logs_20140328";

    /// <summary>The regional endpoint, or <c>AWS_ENDPOINT_URL_CLOUDWATCH_LOGS</c>/<c>AWS_ENDPOINT_URL</c>.</summary>
    public static CloudWatchLogsClient Create(AwsJsonClient client, string region, Func<string, string?> environment) =>
        new(client, AwsJsonEndpoint.Resolve("CLOUDWATCH_LOGS", "logs", region, "logs", TargetPrefix, environment, jsonVersion: "1.1"));

    /// <summary>Every event of the group in the time range that matches the pattern, in the order the pages give them.</summary>
    /// <param name="filterPattern">CloudWatch Logs filter syntax, e.g. a quoted term; null for every event.</param>
    /// <exception cref="LogGroupNotFoundException">The log group does not exist.</exception>
    public async IAsyncEnumerable<LogEvent> FilterLogEventsAsync(
        string logGroupName, DateTimeOffset? startTime, DateTimeOffset? endTime, string? filterPattern, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? nextToken = null;
        do
        {
            var request = new JsonObject { ["logGroupName"] = logGroupName };
            if (startTime is { } start)
            {
                request["startTime"] = start.ToUnixTimeMilliseconds();
            }

            if (endTime is { } end)
            {
                request["endTime"] = end.ToUnixTimeMilliseconds();
            }

            if (filterPattern is not null)
            {
                request["filterPattern"] = filterPattern;
            }

            if (nextToken is not null)
            {
                request["nextToken"] = nextToken;
            }

            JsonObject page;
            try
            {
                page = await client.SendAsync(endpoint, "FilterLogEvents", request, cancellationToken).ConfigureAwait(false);
            }
            catch (AwsServiceException e) when (e.ErrorCode == "ResourceNotFoundException")
            {
                throw new LogGroupNotFoundException(logGroupName, e);
            }

            foreach (var item in page["events"] as JsonArray ?? [])
            {
                if (item is JsonObject logEvent && (string?)logEvent["message"] is { } message)
                {
                    yield return new LogEvent(
                        (string?)logEvent["logStreamName"] ?? string.Empty,
                        DateTimeOffset.FromUnixTimeMilliseconds((long?)logEvent["timestamp"] ?? 0),
                        message);
                }
            }

            // An empty token, or the one just sent, ends the read as the SDK paginators do.
            var token = (string?)page["nextToken"];
            nextToken = string.IsNullOrEmpty(token) || token == nextToken ? null : token;
        }
        while (nextToken is not null);
    }
}

/// <summary>One log event: its stream, its timestamp and the message text.</summary>
public sealed record LogEvent(string LogStreamName, DateTimeOffset Timestamp, string Message);
