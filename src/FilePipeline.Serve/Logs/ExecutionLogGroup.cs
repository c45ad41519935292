using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FilePipeline.States.History;
using FilePipeline.States.Store;

namespace FilePipeline.Serve.Logs;

/// <summary>
/// The express state machine's log group, rendered from the stored execution histories: one stream per
/// minute in which executions started (<c>states/{machine}/{yyyy-MM-dd-HH-mm}/{id}</c>, as Step Functions
/// names its streams), plus the empty stream AWS creates to validate the log delivery. An execution's
/// events appear once it has ended (its ARN is known then), as AWS delivers them after the fact.
/// </summary>
public sealed class ExecutionLogGroup(string name, int? retentionInDays, long creationTime, IExecutionStore store, string stateMachineArn, string stateMachineName, ExpressLogging logging)
    : LogGroup(name, retentionInDays, creationTime)
{
    public const string ValidationStreamName = "log_stream_created_by_aws_to_validate_log_delivery_subscriptions";

    private readonly string streamSuffix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stateMachineArn)))[..8];

    public override IReadOnlyList<LogStream> Streams()
    {
        var streams = new List<LogStream> { new(ValidationStreamName, CreationTime) };
        foreach (var minute in logging.Level == "OFF" ? [] : Ended().GroupBy(StreamOf))
        {
            var first = minute.Min(e => e.StartDate.ToUnixTimeMilliseconds());
            var last = minute.Max(e => e.StopDate!.Value.ToUnixTimeMilliseconds());
            streams.Add(new LogStream(minute.Key, first, first, last, last));
        }

        return streams;
    }

    /// <summary>Only the histories of executions in the selected streams and overlapping the time range are read.</summary>
    public override IReadOnlyList<LogEvent> Events(Func<string, bool> stream, long startTime = long.MinValue, long endTime = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var events = new List<LogEvent>();
        foreach (var minute in Ended().GroupBy(StreamOf).Where(group => stream(group.Key)))
        {
            var rendered = new List<(long Timestamp, long Execution, long Id, long Ingestion, string Message)>();
            foreach (var execution in minute.Where(e => e.StartDate.ToUnixTimeMilliseconds() <= endTime && e.StopDate!.Value.ToUnixTimeMilliseconds() >= startTime))
            {
                var ingestion = execution.StopDate!.Value.ToUnixTimeMilliseconds();
                rendered.AddRange(store.History(execution.Id)
                    .Where(e => ExpressLogRecord.IsLogged(logging.Level, e.Type))
                    .Select(e => (e.Timestamp.ToUnixTimeMilliseconds(), execution.Id, e.Id, ingestion, ExpressLogRecord.Render(e, execution.ExecutionArn!, logging.IncludeExecutionData))));
            }

            events.AddRange(rendered.OrderBy(e => e.Timestamp).ThenBy(e => e.Execution).ThenBy(e => e.Id)
                .Select((e, sequence) => new LogEvent(minute.Key, e.Timestamp, e.Ingestion, e.Message, sequence)));
        }

        return events;
    }

    private IEnumerable<ExecutionRecord> Ended() =>
        store.List(limit: int.MaxValue).Where(e => e.ExecutionArn is not null && e.StopDate is not null && e.StateMachineArn == stateMachineArn);

    private string StreamOf(ExecutionRecord execution) =>
        $"states/{stateMachineName}/{execution.StartDate.UtcDateTime.ToString("yyyy-MM-dd-HH-mm", CultureInfo.InvariantCulture)}/{streamSuffix}";
}
