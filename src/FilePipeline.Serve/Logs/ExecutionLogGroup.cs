using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FilePipeline.Local.Hosting.Executions;

namespace FilePipeline.Serve.Logs;

/// <summary>
/// The express state machine's log group, rendered from the stored execution histories: one stream per
/// minute in which executions started (<c>states/{machine}/{yyyy-MM-dd-HH-mm}/{id}</c>, as Step Functions
/// names its streams), plus the empty stream AWS creates to validate the log delivery. An execution's
/// events appear once it has ended (its ARN is known then), as AWS delivers them after the fact.
/// </summary>
public sealed class ExecutionLogGroup(string name, int? retentionInDays, long creationTime, ExecutionStore store, string stateMachineArn, string stateMachineName, ExpressLogging logging)
    : LogGroup(name, retentionInDays, creationTime)
{
    public const string ValidationStreamName = "log_stream_created_by_aws_to_validate_log_delivery_subscriptions";

    private readonly string streamSuffix = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(stateMachineArn)))[..8];

    public override IReadOnlyList<LogStream> Streams()
    {
        var streams = new List<LogStream> { new(ValidationStreamName, CreationTime) };
        foreach (var minute in Ended().GroupBy(StreamOf))
        {
            var first = minute.Min(e => e.StartDate.ToUnixTimeMilliseconds());
            var last = minute.Max(e => e.StopDate!.Value.ToUnixTimeMilliseconds());
            streams.Add(logging.Level == "OFF" ? new LogStream(minute.Key, first) : new LogStream(minute.Key, first, first, last, last));
        }

        return streams;
    }

    public override IReadOnlyList<LogEvent> Events(string streamName)
    {
        var events = new List<(long Timestamp, long Execution, long Id, long Ingestion, string Message)>();
        foreach (var execution in Ended().Where(e => StreamOf(e) == streamName))
        {
            var ingestion = execution.StopDate!.Value.ToUnixTimeMilliseconds();
            events.AddRange(store.History(execution.Id)
                .Where(e => ExpressLogFormat.IsLogged(logging.Level, e.Type))
                .Select(e => (e.Timestamp.ToUnixTimeMilliseconds(), execution.Id, e.Id, ingestion, ExpressLogFormat.Render(e, execution.ExecutionArn!, logging.IncludeExecutionData))));
        }

        return [.. events.OrderBy(e => e.Timestamp).ThenBy(e => e.Execution).ThenBy(e => e.Id)
            .Select((e, sequence) => new LogEvent(streamName, e.Timestamp, e.Ingestion, e.Message, sequence))];
    }

    private IEnumerable<ExecutionRecord> Ended() =>
        store.List(limit: int.MaxValue).Where(e => e.ExecutionArn is not null && e.StopDate is not null && e.StateMachineArn == stateMachineArn);

    private string StreamOf(ExecutionRecord execution) =>
        $"states/{stateMachineName}/{execution.StartDate.UtcDateTime.ToString("yyyy-MM-dd-HH-mm", CultureInfo.InvariantCulture)}/{streamSuffix}";
}
