using System.Text.Json.Nodes;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Functions.Events;
using FilePipeline.Functions.Settings;
using FilePipeline.Functions.Tests.Fakes;
using static FilePipeline.Functions.Events.SQSEvent;

namespace FilePipeline.Functions.Tests;

public class ProcessQueueFunctionTests
{
    private const string Body = """{"bucket":"uploads","key":"in/customers.csv","versionId":"v7","eTag":"0123abcd","size":120,"sequencer":"00AB","eventTime":"2026-11-28T11:59:00.123Z"}""";

    private readonly FakeWorkflowStarter workflows = new();
    private readonly FakeMessageVisibility visibility = new();
    private readonly TestInvocation invocation = new();
    private readonly FakeLedger ledger = new();

    private ProcessQueueFunction Function(FunctionSettings? settings = null) =>
        new(workflows, visibility, ledger, settings ?? new FunctionSettings(), this.invocation.Time);

    private static SQSMessage Message(string id, string? body = Body, string receiveCount = "1") => new()
    {
        MessageId = id,
        ReceiptHandle = "rh-" + id,
        Body = body,
        Attributes = new() { ["ApproximateReceiveCount"] = receiveCount, ["SentTimestamp"] = "1545082649183" },
        EventSource = "aws:sqs",
        EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:work",
        AwsRegion = "us-east-1",
    };

    private static SQSEvent Event(params SQSMessage[] messages) => new() { Records = [.. messages] };

    private static WorkflowResult Ended(string name, WorkflowStatus status) =>
        new($"arn:aws:states:us-east-1:123456789012:express:fp:{name}:1", status, null, "States.TaskFailed", "boom");

    [Fact]
    public async Task The_execution_input_is_the_body_plus_file_id_message_receive_count_now_and_lease()
    {
        var settings = new FunctionSettings { Lease = TimeSpan.FromSeconds(360) };

        await Function(settings).ProcessQueue(Event(Message("m-1", receiveCount: "2")), this.invocation.Context);

        var (name, input) = Assert.Single(workflows.Starts);
        Assert.Equal("m-1-r2", name);
        var json = JsonNode.Parse(input)!.AsObject();
        var now = this.invocation.Time.GetUtcNow().ToUnixTimeSeconds();
        Assert.Equal("uploads", (string?)json["bucket"]);
        Assert.Equal("in/customers.csv", (string?)json["key"]);
        Assert.Equal("v7", (string?)json["versionId"]);
        Assert.Equal("0123abcd", (string?)json["eTag"]);
        Assert.Equal(120, (long)json["size"]!);
        Assert.Equal("2026-11-28T11:59:00.123Z", (string?)json["eventTime"]);
        Assert.Equal("uploads/in/customers.csv@0123abcd", (string?)json["fileId"]);
        Assert.Equal("customers.csv", (string?)json["fileName"]);
        Assert.Equal("m-1", (string?)json["messageId"]);
        Assert.Equal(2, (int)json["receiveCount"]!);
        Assert.Equal(now, (long)json["now"]!);
        Assert.Equal(now + 360, (long)json["leaseUntil"]!);
        Assert.False(json.ContainsKey("claim"));
    }

    [Fact]
    public async Task An_unversioned_object_gets_an_empty_version_id_so_the_workflow_can_always_write_it()
    {
        await Function().ProcessQueue(Event(Message("m", body: """{"bucket":"b","key":"k.csv","eTag":"e","size":1,"eventTime":"2026-11-28T00:00:00.000Z"}""")), this.invocation.Context);

        var input = JsonNode.Parse(Assert.Single(workflows.Starts).Input)!;
        Assert.Equal("", (string?)input["versionId"]);
        Assert.Null(System.Text.Json.JsonSerializer.Deserialize(input, FunctionsJsonContext.Default.ExecutionInput)!.ToFileRef().VersionId);
    }

    private const string FileId = "uploads/in/customers.csv@0123abcd";

    private void Recorded(FileStatus status, string? claimedBy = null, long? leaseUntil = null, string? claimMessageId = null) =>
        ledger.Records[FileId] = new FileRecord
        {
            FileId = FileId, Bucket = "uploads", Key = "in/customers.csv", FileName = "customers.csv", ETag = "0123abcd",
            Status = status, ClaimedBy = claimedBy, ClaimMessageId = claimMessageId, LeaseUntil = leaseUntil,
        };

    public static TheoryData<string, WorkflowStatus, string?, string?, string> EndingsWithoutARecordedOutcome => new()
    {
        { "timed out", WorkflowStatus.TimedOut, "States.Timeout", "Execution timed out after 300 seconds.", "States.Timeout: Execution timed out after 300 seconds." },
        { "runtime error", WorkflowStatus.Failed, "States.Runtime", "An error occurred while executing the state 'ParseFunctionError'.", "States.Runtime: An error occurred while executing the state 'ParseFunctionError'." },
        { "function error JSON", WorkflowStatus.Failed, "StorageUnavailableException", """{"errorMessage":"S3 returned 503","errorType":"StorageUnavailableException","stackTrace":[]}""", "StorageUnavailableException: S3 returned 503" },
        { "timed out without error", WorkflowStatus.TimedOut, null, null, "States.Timeout" },
    };

    [Theory]
    [MemberData(nameof(EndingsWithoutARecordedOutcome))]
    public async Task An_execution_ending_on_the_last_allowed_receive_without_recording_leaves_the_ledger_FAILED_with_Type_colon_message(string ending, WorkflowStatus status, string? error, string? cause, string lastError)
    {
        var arn = "arn:aws:states:us-east-1:123456789012:express:fp:m-r3:1";
        Recorded(FileStatus.Processing, claimedBy: arn, leaseUntil: this.invocation.Time.GetUtcNow().ToUnixTimeSeconds() + 300, claimMessageId: "m");
        workflows.Run = (_, _) => Task.FromResult(new WorkflowResult(arn, status, null, error, cause));

        var response = await Function().ProcessQueue(Event(Message("m", receiveCount: "3")), this.invocation.Context);

        Assert.Single(response.BatchItemFailures);
        var record = ledger.Records[FileId];
        Assert.True((FileStatus.Failed, lastError) == (record.Status, record.LastError), $"{ending}: {record}");
    }

    [Fact]
    public async Task A_start_throttled_on_the_last_allowed_receive_turns_the_accepted_record_FAILED()
    {
        Recorded(FileStatus.Processing);
        workflows.Run = (_, _) => throw new StorageUnavailableExceptionForTest("Rate exceeded");

        await Function().ProcessQueue(Event(Message("m", receiveCount: "3")), this.invocation.Context);

        Assert.Equal((FileStatus.Failed, "StorageUnavailableExceptionForTest: Rate exceeded"), (ledger.Records[FileId].Status, ledger.Records[FileId].LastError));
    }

    [Fact]
    public async Task A_start_throttled_on_the_last_allowed_receive_turns_FAILED_a_live_claim_an_earlier_receive_of_the_message_left()
    {
        Recorded(FileStatus.Processing, claimedBy: "arn:aws:states:us-east-1:123456789012:express:fp:m-r2:1", leaseUntil: this.invocation.Time.GetUtcNow().ToUnixTimeSeconds() + 300, claimMessageId: "m");
        workflows.Run = (_, _) => throw new StorageUnavailableExceptionForTest("Rate exceeded");

        await Function().ProcessQueue(Event(Message("m", receiveCount: "3")), this.invocation.Context);

        Assert.Equal((FileStatus.Failed, "StorageUnavailableExceptionForTest: Rate exceeded"), (ledger.Records[FileId].Status, ledger.Records[FileId].LastError));
    }

    [Fact]
    public async Task A_failure_before_the_last_allowed_receive_leaves_the_ledger_to_the_next_attempt()
    {
        Recorded(FileStatus.Processing);
        workflows.Run = (name, _) => Task.FromResult(Ended(name, WorkflowStatus.Failed));

        await Function().ProcessQueue(Event(Message("m", receiveCount: "2")), this.invocation.Context);

        Assert.Equal(FileStatus.Processing, ledger.Records[FileId].Status);
    }

    [Fact]
    public async Task The_last_allowed_receive_never_overwrites_a_settled_file_or_another_executions_live_claim()
    {
        workflows.Run = (name, _) => Task.FromResult(Ended(name, WorkflowStatus.Failed));
        Recorded(FileStatus.Processing, claimedBy: "arn:other", leaseUntil: this.invocation.Time.GetUtcNow().ToUnixTimeSeconds() + 300, claimMessageId: "other");

        await Function(new FunctionSettings { MaxReceiveCount = 5 }).ProcessQueue(Event(Message("m", receiveCount: "5")), this.invocation.Context);
        Assert.Equal(FileStatus.Processing, ledger.Records[FileId].Status);

        Recorded(FileStatus.Processed);
        await Function(new FunctionSettings { MaxReceiveCount = 5 }).ProcessQueue(Event(Message("m", receiveCount: "6")), this.invocation.Context);
        Assert.Equal(FileStatus.Processed, ledger.Records[FileId].Status);
    }

    [Fact]
    public async Task When_every_execution_succeeds_the_response_lists_no_failures()
    {
        var response = await Function().ProcessQueue(Event(Message("a"), Message("b"), Message("c")), this.invocation.Context);

        Assert.Empty(response.BatchItemFailures);
        Assert.Equal(3, workflows.Starts.Count);
    }

    [Fact]
    public async Task The_response_lists_exactly_the_failed_timed_out_unstartable_and_unparseable_messages()
    {
        workflows.Run = (name, _) => name switch
        {
            "failed-r1" => Task.FromResult(Ended(name, WorkflowStatus.Failed)),
            "timedout-r1" => Task.FromResult(Ended(name, WorkflowStatus.TimedOut)),
            "unstartable-r1" => throw new HttpRequestException("connection refused"),
            _ => Task.FromResult(FakeWorkflowStarter.Succeeded(name, "PROCESSED")),
        };
        var batch = Event(
            Message("ok1"),
            Message("failed"),
            Message("not-json", body: "hello"),
            Message("timedout"),
            Message("null-body", body: null),
            Message("no-key", body: """{"bucket":"b","eTag":"e","size":1,"eventTime":"2026-11-28T00:00:00.000Z"}"""),
            Message("unstartable"),
            Message("ok2"));

        var response = await Function().ProcessQueue(batch, this.invocation.Context);

        Assert.Equal(["failed", "not-json", "timedout", "null-body", "no-key", "unstartable"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
        Assert.Equal(5, workflows.Starts.Count);
    }

    [Fact]
    public async Task No_more_executions_run_at_once_than_the_concurrency_setting()
    {
        var release = new TaskCompletionSource<WorkflowResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        workflows.Run = (_, _) => release.Task;
        var settings = new FunctionSettings { MaxConcurrency = 3 };

        var handling = Function(settings).ProcessQueue(Event([.. Enumerable.Range(0, 10).Select(i => Message($"m{i}"))]), this.invocation.Context);
        while (workflows.Starts.Count < 3)
        {
            await Task.Yield();
        }

        Assert.Equal(3, workflows.Starts.Count);
        release.SetResult(FakeWorkflowStarter.Succeeded("any", "PROCESSED"));
        var response = await handling.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Empty(response.BatchItemFailures);
        Assert.Equal(10, workflows.Starts.Count);
        Assert.Equal(3, workflows.MaxRunning);
    }

    [Fact]
    public async Task A_message_is_not_started_when_the_invocation_has_less_time_left_than_an_execution_may_take()
    {
        var invocation = new TestInvocation(TimeSpan.FromMinutes(4));

        var response = await new ProcessQueueFunction(workflows, visibility, new FakeLedger(), new FunctionSettings(), invocation.Time).ProcessQueue(Event(Message("late")), invocation.Context);

        Assert.Equal("late", Assert.Single(response.BatchItemFailures).ItemIdentifier);
        Assert.Empty(workflows.Starts);
    }

    [Fact]
    public async Task A_record_without_a_message_id_fails_the_whole_batch()
    {
        var nameless = Message("x");
        nameless.MessageId = null;

        await Assert.ThrowsAsync<FormatException>(() => Function().ProcessQueue(Event(Message("a"), nameless), this.invocation.Context));
        Assert.Empty(workflows.Starts);
    }

    [Fact]
    public async Task A_missing_receive_count_counts_as_the_first_receive()
    {
        var message = Message("m");
        message.Attributes!.Remove("ApproximateReceiveCount");

        await Function().ProcessQueue(Event(message), this.invocation.Context);

        Assert.Equal("m-r1", Assert.Single(workflows.Starts).Name);
    }

    [Fact]
    public async Task Log_lines_carry_the_message_file_and_execution()
    {
        workflows.Run = (name, _) => Task.FromResult(FakeWorkflowStarter.Succeeded(name, "DUPLICATE"));

        await Function().ProcessQueue(Event(Message("m-9")), this.invocation.Context);

        var line = Assert.Single(this.invocation.LogLines);
        Assert.Equal("m-9", (string?)line["messageId"]);
        Assert.Equal("uploads/in/customers.csv@0123abcd", (string?)line["fileId"]);
        Assert.EndsWith(":m-9-r1:1", (string?)line["executionId"], StringComparison.Ordinal);
        Assert.Contains("DUPLICATE", (string?)line["message"], StringComparison.Ordinal);
    }

    private static readonly FunctionSettings Backoff = new() { RetryBackoff = [TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)], Lease = TimeSpan.FromSeconds(360) };

    [Theory]
    [InlineData("1", 10)]
    [InlineData("2", 30)]
    [InlineData("3", 30)]
    public async Task A_failed_message_is_made_invisible_for_the_backoff_of_its_receive_count_and_the_last_backoff_repeats(string receiveCount, int seconds)
    {
        workflows.Run = (name, _) => Task.FromResult(Ended(name, WorkflowStatus.Failed));

        var response = await Function(Backoff).ProcessQueue(Event(Message("m-1", receiveCount: receiveCount)), this.invocation.Context);

        Assert.Equal("m-1", Assert.Single(response.BatchItemFailures).ItemIdentifier);
        Assert.Equal(seconds, visibility.Changes["rh-m-1"]);
    }

    [Fact]
    public async Task Succeeded_messages_keep_their_visibility_and_a_body_that_is_no_file_message_backs_off_too()
    {
        await Function(Backoff).ProcessQueue(Event(Message("ok"), Message("bad", body: "not json")), this.invocation.Context);

        Assert.Equal(["rh-bad"], visibility.Changes.Keys);
        Assert.Equal(10, visibility.Changes["rh-bad"]);
    }

    [Fact]
    public async Task An_unstarted_execution_may_still_run_so_its_message_stays_away_until_the_lease_ends_while_an_ended_one_backs_off_as_configured()
    {
        // A timed-out execution has ended: a claim it left is its message's own to take again at once.
        workflows.Run = (name, _) => name.StartsWith("late", StringComparison.Ordinal)
            ? Task.FromResult(Ended(name, WorkflowStatus.TimedOut))
            : throw new HttpRequestException("connection reset");

        await Function(Backoff).ProcessQueue(Event(Message("late"), Message("lost")), this.invocation.Context);

        Assert.Equal((int)Backoff.RetryBackoff[0].TotalSeconds, visibility.Changes["rh-late"]);
        Assert.Equal(361, visibility.Changes["rh-lost"]);
    }

    [Fact]
    public async Task A_visibility_change_that_fails_still_reports_only_the_failed_message()
    {
        workflows.Run = (name, _) => Task.FromResult(name.StartsWith("bad", StringComparison.Ordinal) ? Ended(name, WorkflowStatus.Failed) : FakeWorkflowStarter.Succeeded(name, "PROCESSED"));
        visibility.Failure = new HttpRequestException("throttled");

        var response = await Function(Backoff).ProcessQueue(Event(Message("ok"), Message("bad")), this.invocation.Context);

        Assert.Equal(["bad"], response.BatchItemFailures.Select(f => f.ItemIdentifier));
    }

    private sealed class StorageUnavailableExceptionForTest(string message) : Exception(message);
}
