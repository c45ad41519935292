using FilePipeline.States.History;

namespace FilePipeline.Aws.Logs;

/// <summary>
/// Express executions as the state machine's log group records them (Logging level ALL with
/// execution data): events grouped by execution ARN and rebuilt into histories, newest first.
/// </summary>
public sealed class ExpressExecutionReader(CloudWatchLogsClient logs, string logGroupName)
{
    public string LogGroupName => logGroupName;

    /// <summary>The executions that started in the filter's time range and match its file and outcome.</summary>
    /// <exception cref="LogGroupNotFoundException">The log group does not exist.</exception>
    /// <exception cref="NoExecutionDataException">The group has events, but no history events or no execution data to filter by.</exception>
    public async Task<IReadOnlyList<ExpressExecution>> ListAsync(ExecutionFilter filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        // No filter pattern for a file id: it is in ExecutionStarted's input but not in ExecutionFailed, which a pattern would drop.
        var executions = await ReadAsync(filter.Since, filter.Until, null, cancellationToken).ConfigureAwait(false);
        if (filter.FileId is not null && executions.Count > 0 && executions.All(e => e.Input is null))
        {
            throw new NoExecutionDataException($"the log group '{logGroupName}' logs no execution data (the state machine's Logging has IncludeExecutionData off), so executions cannot be matched to a file.");
        }

        return [.. executions.Where(filter.Matches)];
    }

    /// <summary>The execution with this ARN or name that ran in the time range, or null (every event of it names its ARN, so a pattern narrows the read).</summary>
    public async Task<ExpressExecution?> FindAsync(string executionArnOrName, DateTimeOffset? since, DateTimeOffset? until, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(executionArnOrName);
        var executions = await ReadAsync(since, until, Quoted(executionArnOrName), cancellationToken).ConfigureAwait(false);
        return executions.FirstOrDefault(e => e.ExecutionArn == executionArnOrName || e.Name == executionArnOrName);
    }

    private async Task<List<ExpressExecution>> ReadAsync(DateTimeOffset? since, DateTimeOffset? until, string? pattern, CancellationToken cancellationToken)
    {
        var byExecution = new Dictionary<string, List<States.History.HistoryEvent>>(StringComparer.Ordinal);
        var otherMessages = 0;
        await foreach (var logEvent in logs.FilterLogEventsAsync(logGroupName, since, until, pattern, cancellationToken).ConfigureAwait(false))
        {
            if (ExpressLogRecord.TryParse(logEvent.Message) is not { } record)
            {
                otherMessages++;
                continue;
            }

            if (!byExecution.TryGetValue(record.ExecutionArn, out var events))
            {
                byExecution[record.ExecutionArn] = events = [];
            }

            events.Add(record.Event);
        }

        if (byExecution.Count == 0 && otherMessages > 0)
        {
            throw new NoExecutionDataException($"the log group '{logGroupName}' holds {otherMessages} event(s) but no Step Functions history events: is it the state machine's log group, with Logging level ALL?");
        }

        return [.. byExecution.Select(pair => ExpressExecution.FromEvents(pair.Key, pair.Value)).OrderByDescending(e => e.StartDate)];
    }

    // A quoted term matches the exact text anywhere in the message; a quote inside is escaped.
    private static string Quoted(string term) => "\"" + term.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
