using System.Text.Json.Nodes;
using FilePipeline.Host.Template;
using FilePipeline.Serve.Protocol;
using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.Logs;

/// <summary>
/// CloudWatch Logs' JSON 1.1 API (<c>X-Amz-Target: Logs_20140328.{Operation}</c>) over the stack's log
/// groups: DescribeLogGroups and DescribeLogStreams here, GetLogEvents and FilterLogEvents in
/// <see cref="LogEventQueries"/>. Errors carry the bare code in <c>__type</c>, as CloudWatch Logs sends it.
/// </summary>
public sealed class LogsEndpoint(IReadOnlyList<LogGroup> groups, LocalAwsIdentity identity)
{
    private const int MaxPageOfGroupsOrStreams = 50;

    public async Task HandleAsync(HttpContext context, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = new LogsRequest(JsonProtocol.Parse(body));
        var response = ServiceRouter.JsonOperation(context.Request) switch
        {
            "DescribeLogGroups" => DescribeLogGroups(request),
            "DescribeLogStreams" => DescribeLogStreams(request),
            "GetLogEvents" => LogEventQueries.GetLogEvents(Group(request), request),
            "FilterLogEvents" => LogEventQueries.FilterLogEvents(Group(request), request),
            var operation => throw new AwsErrorException("UnknownOperationException", $"serve does not implement the CloudWatch Logs operation {operation}."),
        };
        await JsonProtocol.WriteAsync(context.Response, response, JsonProtocol.Json11);
    }

    public static Task WriteErrorAsync(HttpContext context, AwsErrorException error)
    {
        ArgumentNullException.ThrowIfNull(context);
        return JsonProtocol.WriteErrorAsync(context.Response, error, "", JsonProtocol.Json11);
    }

    private JsonObject DescribeLogGroups(LogsRequest request)
    {
        var prefix = request.Text("logGroupNamePrefix");
        var pattern = request.Text("logGroupNamePattern");
        if (prefix is not null && pattern is not null)
        {
            throw new AwsErrorException("InvalidParameterException", "LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.");
        }

        var identifiers = request.Texts("logGroupIdentifiers");
        var selected = groups.Where(g =>
            (prefix is null || g.Name.StartsWith(prefix, StringComparison.Ordinal))
            && (pattern is null || g.Name.Contains(pattern, StringComparison.OrdinalIgnoreCase))
            && (identifiers is null || identifiers.Any(id => id == g.Name || id == GroupArn(g.Name))));
        var (page, next) = Page(selected.ToList(), request, request.Limit(MaxPageOfGroupsOrStreams, MaxPageOfGroupsOrStreams));
        var response = new JsonObject { ["logGroups"] = new JsonArray([.. page.Select(GroupJson)]) };
        return WithToken(response, next);
    }

    private JsonObject GroupJson(LogGroup group)
    {
        var json = new JsonObject
        {
            ["logGroupName"] = group.Name,
            ["creationTime"] = group.CreationTime,
            ["metricFilterCount"] = 0,
            ["arn"] = GroupArn(group.Name) + ":*",
            ["storedBytes"] = 0,
            ["logGroupClass"] = "STANDARD",
            ["logGroupArn"] = GroupArn(group.Name),
        };
        if (group.RetentionInDays is { } days)
        {
            json["retentionInDays"] = days;
        }

        return json;
    }

    private JsonObject DescribeLogStreams(LogsRequest request)
    {
        var group = Group(request);
        var prefix = request.Text("logStreamNamePrefix");
        var orderBy = request.Text("orderBy") ?? "LogStreamName";
        if (orderBy is not ("LogStreamName" or "LastEventTime"))
        {
            throw LogsRequest.Invalid("orderBy", "must be LogStreamName or LastEventTime");
        }

        if (orderBy == "LastEventTime" && prefix is not null)
        {
            throw new AwsErrorException("InvalidParameterException", "Cannot order by LastEventTime with a logStreamNamePrefix.");
        }

        var streams = group.Streams().Where(s => prefix is null || s.Name.StartsWith(prefix, StringComparison.Ordinal));
        var ordered = orderBy == "LogStreamName"
            ? streams.OrderBy(s => s.Name, StringComparer.Ordinal)
            : streams.OrderBy(s => s.LastEventTimestamp ?? s.CreationTime).ThenBy(s => s.Name, StringComparer.Ordinal);
        var list = request.Flag("descending") ? ordered.Reverse().ToList() : ordered.ToList();
        var (page, next) = Page(list, request, request.Limit(MaxPageOfGroupsOrStreams, MaxPageOfGroupsOrStreams));
        var response = new JsonObject
        {
            ["logStreams"] = new JsonArray([.. page.Select(stream => StreamJson(group, stream))]),
        };
        return WithToken(response, next);
    }

    private JsonObject StreamJson(LogGroup group, LogStream stream)
    {
        var json = new JsonObject
        {
            ["logStreamName"] = stream.Name,
            ["creationTime"] = stream.CreationTime,
        };
        if (stream.FirstEventTimestamp is { } first)
        {
            json["firstEventTimestamp"] = first;
            json["lastEventTimestamp"] = stream.LastEventTimestamp;
            json["lastIngestionTime"] = stream.LastIngestionTime;
        }

        json["arn"] = $"{GroupArn(group.Name)}:log-stream:{stream.Name}";
        json["storedBytes"] = 0;
        return json;
    }

    /// <exception cref="AwsErrorException">ResourceNotFoundException for a group the stack does not have.</exception>
    private LogGroup Group(LogsRequest request)
    {
        var name = request.Text("logGroupName");
        var identifier = request.Text("logGroupIdentifier");
        if ((name is null) == (identifier is null))
        {
            throw new AwsErrorException("InvalidParameterException", "Should provide either name or identifier (but not both).");
        }

        return groups.FirstOrDefault(g => g.Name == name || g.Name == identifier || GroupArn(g.Name) == identifier)
            ?? throw new AwsErrorException("ResourceNotFoundException", "The specified log group does not exist.");
    }

    private string GroupArn(string name) => $"arn:aws:logs:{identity.Region}:{identity.AccountId}:log-group:{name}";

    /// <summary>One page of a listing; the token is the offset of the next page.</summary>
    private static (IEnumerable<T> Page, string? Next) Page<T>(IReadOnlyList<T> items, LogsRequest request, int limit)
    {
        var offset = request.Text("nextToken") is { } token ? PageToken.Offset(token) : 0;
        return (items.Skip(offset).Take(limit), offset + limit < items.Count ? PageToken.ForOffset(offset + limit) : null);
    }

    private static JsonObject WithToken(JsonObject response, string? next)
    {
        if (next is not null)
        {
            response["nextToken"] = next;
        }

        return response;
    }
}
