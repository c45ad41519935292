using System.Text.Json.Nodes;
using FilePipeline.Host.Template;
using FilePipeline.States.Store;

namespace FilePipeline.Serve.Logs;

/// <summary>
/// The stack's log groups, as deploying the template creates them: every AWS::Logs::LogGroup resource
/// (the state machine's Logging destination shows its executions, a function's LoggingConfig group its
/// log lines), and <c>/aws/lambda/{name}</c> for a function that names no group (Lambda's default).
/// </summary>
public static class LogGroupCatalog
{
    /// <exception cref="TemplateException">The template's logging settings cannot be resolved.</exception>
    public static IReadOnlyList<LogGroup> FromTemplate(PipelineTemplate template, IExecutionStore executions, string stateDirectory, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(template);
        var resolver = new TemplateResolver(JsonNode.Parse(File.ReadAllText(template.TemplatePath))!.AsObject(), template.Identity);
        var creationTime = created.ToUnixTimeMilliseconds();
        var logDirectory = Path.Combine(stateDirectory, "logs");
        var machine = template.StateMachine;
        var logging = resolver.Properties(machine.LogicalId)["Logging"];
        var machineGroup = logging?["Destinations"]?[0]?["CloudWatchLogsLogGroup"]?["LogGroupArn"] is { } arn
            ? GroupNameOf(resolver.Text(arn, $"{machine.LogicalId}.Logging.Destinations[0].CloudWatchLogsLogGroup.LogGroupArn"))
            : null;
        var functionGroups = template.Functions.ToDictionary(
            f => resolver.Properties(f.LogicalId)["LoggingConfig"]?["LogGroup"] is { } group ? resolver.Text(group, $"{f.LogicalId}.LoggingConfig.LogGroup") : "/aws/lambda/" + f.Name,
            f => f.Name,
            StringComparer.Ordinal);

        var groups = new List<LogGroup>();
        var names = resolver.ResourcesOfType("AWS::Logs::LogGroup")
            .Select(id => (Name: resolver.PhysicalName(id), Retention: resolver.Properties(id)["RetentionInDays"] is { } days ? resolver.Number(days, $"{id}.RetentionInDays") : (int?)null))
            .Concat(functionGroups.Keys.Select(name => (Name: name, Retention: (int?)null)))
            .DistinctBy(group => group.Name);
        foreach (var (name, retention) in names)
        {
            groups.Add(name == machineGroup
                ? new ExecutionLogGroup(name, retention, creationTime, executions, machine.Arn, machine.Name, new ExpressLogging(
                    logging?["Level"]?.GetValue<string>() ?? "OFF", logging?["IncludeExecutionData"]?.GetValue<bool>() ?? false))
                : new FunctionLogGroup(name, retention, creationTime, functionGroups.GetValueOrDefault(name), logDirectory));
        }

        return [.. groups.OrderBy(g => g.Name, StringComparer.Ordinal)];
    }

    /// <summary>The name in a log group ARN (<c>arn:aws:logs:{region}:{account}:log-group:{name}[:*]</c>).</summary>
    private static string GroupNameOf(string arn)
    {
        const string Marker = ":log-group:";
        var start = arn.IndexOf(Marker, StringComparison.Ordinal);
        var name = start < 0 ? arn : arn[(start + Marker.Length)..];
        return name.EndsWith(":*", StringComparison.Ordinal) ? name[..^2] : name;
    }
}
