using FilePipeline.Core.Ledger;
using FilePipeline.Host;
using FilePipeline.Host.EventSources;
using FilePipeline.Host.Faults;
using FilePipeline.Local.Queues;

namespace FilePipeline.Host.Tests.Hosting;

public sealed class LocalPipelineTests : IDisposable
{
    private const string Csv = "id,name\n1,a\n2,b\n3,c\n";

    private readonly PipelineFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task An_upload_is_validated_queued_processed_and_recorded_once_with_its_row_count()
    {
        var pipeline = await fixture.OpenAsync();
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal(FileStatus.Processed, record.Status);
        Assert.Equal(3, record.RowCount);
        Assert.Equal(1, record.Attempts);
        var execution = Assert.Single(pipeline.Executions.List());
        Assert.Equal(("SUCCEEDED", "PROCESSED", record.FileId), (execution.Status, execution.Outcome, execution.FileId));
    }

    [Fact]
    public async Task One_round_invokes_ValidateUpload_for_every_queued_event_as_Lambda_runs_async_invocations_concurrently()
    {
        var pipeline = await fixture.OpenAsync();
        foreach (var name in new[] { "a", "b", "c" })
        {
            await PipelineFixture.UploadAsync(pipeline, $"in/{name}.csv", Csv);
        }

        Assert.True(await new PipelineRunner(pipeline).PollOnceAsync());

        Assert.Empty(await pipeline.Queues.ListMessagesAsync(pipeline.AsyncInvokeQueue, CancellationToken.None));
        var records = await pipeline.Ledger.ListAsync(null, CancellationToken.None);
        Assert.Equal([FileStatus.Processed, FileStatus.Processed, FileStatus.Processed], records.Select(r => r.Status));
    }

    [Fact]
    public async Task Duplicate_S3_events_give_exactly_one_ledger_record()
    {
        var pipeline = await fixture.OpenAsync();
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);
        var s3Event = Assert.Single(await pipeline.Queues.ListMessagesAsync(pipeline.AsyncInvokeQueue, CancellationToken.None));
        await pipeline.Queues.SendMessageAsync(pipeline.AsyncInvokeQueue, s3Event.Body, CancellationToken.None);
        await pipeline.Queues.SendMessageAsync(pipeline.AsyncInvokeQueue, s3Event.Body, CancellationToken.None);

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Processed, 1), (record.Status, record.Attempts));
        var outcomes = pipeline.Executions.List().Select(e => e.Outcome).Order().ToList();
        Assert.Equal(["DUPLICATE", "DUPLICATE", "PROCESSED"], outcomes);
    }

    [Fact]
    public async Task SQS_redelivery_after_a_lost_delete_gives_exactly_one_ledger_record()
    {
        var pipeline = await fixture.OpenAsync();
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);
        var runner = new PipelineRunner(pipeline);
        await fixture.RunUntilIdleAsync(runner);
        var workBody = pipeline.Executions.List().Single().Input;
        // At-least-once delivery: the same work message body arrives again (e.g. a delete that never reached SQS).
        var original = System.Text.Json.Nodes.JsonNode.Parse(workBody)!.AsObject();
        foreach (var name in new[] { "fileId", "fileName", "messageId", "receiveCount", "now", "leaseUntil" })
        {
            original.Remove(name);
        }

        await pipeline.Queues.SendMessageAsync(pipeline.Template.WorkQueue.Name, original.ToJsonString(), CancellationToken.None);
        await fixture.RunUntilIdleAsync(runner);

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Processed, 1), (record.Status, record.Attempts));
        Assert.Equal(["DUPLICATE", "PROCESSED"], pipeline.Executions.List().Select(e => e.Outcome!).Order());
    }

    [Fact]
    public async Task A_poison_message_reaches_the_DLQ_after_exactly_three_receives()
    {
        var pipeline = await fixture.OpenAsync();
        await pipeline.Queues.SendMessageAsync(pipeline.Template.WorkQueue.Name, "this is not a file message", CancellationToken.None);
        var runner = new PipelineRunner(pipeline);

        var handled = await fixture.RunUntilIdleAsync(runner);

        var parked = Assert.Single(await pipeline.DeadLetters.ListAsync(CancellationToken.None));
        Assert.Equal(("this is not a file message", 3), (parked.Body, parked.ReceiveCount));
        Assert.Equal(3, handled);
        Assert.Empty(pipeline.Executions.List());
    }

    [Fact]
    public async Task A_failed_message_returns_after_ProcessQueues_backoff_not_the_templates_visibility_timeout()
    {
        var pipeline = await fixture.OpenAsync();
        await pipeline.Queues.SendMessageAsync(pipeline.Template.WorkQueue.Name, "poison", CancellationToken.None);
        var runner = new PipelineRunner(pipeline);
        Assert.True(await runner.PollOnceAsync());

        fixture.Time.Advance(TimeSpan.FromSeconds(PipelineFixture.RetryDelay - 1));
        Assert.False(await runner.PollOnceAsync());
        fixture.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(await runner.PollOnceAsync());
    }

    [Fact]
    public async Task A_transient_failure_on_every_try_parks_the_message_and_the_ledger_shows_FAILED_with_three_attempts()
    {
        var pipeline = await fixture.OpenAsync("fail=InspectFile,key=in/*");
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Failed, 3), (record.Status, record.Attempts));
        Assert.StartsWith("StorageUnavailableException: Injected fault", record.LastError, StringComparison.Ordinal);
        Assert.Equal(3, Assert.Single(await pipeline.DeadLetters.ListAsync(CancellationToken.None)).ReceiveCount);
        Assert.All(pipeline.Executions.List(), e => Assert.Equal(("FAILED", "StorageUnavailableException"), (e.Status, e.Error)));
    }

    [Fact]
    public async Task A_valid_file_with_a_400_KB_header_of_25000_columns_is_PROCESSED()
    {
        var pipeline = await fixture.OpenAsync();
        var header = string.Join(',', Enumerable.Range(0, 25_000).Select(i => $"column_{i:D8}"));
        await PipelineFixture.UploadAsync(pipeline, "in/wide.csv", header + "\n" + string.Join(',', Enumerable.Range(0, 25_000)) + "\n");

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Processed, 1L, 25_000L, 1), (record.Status, record.RowCount, record.ColumnCount, record.Attempts));
    }

    [Fact]
    public async Task A_success_after_a_failed_attempt_clears_lastError()
    {
        var pipeline = await fixture.OpenAsync("fail=InspectFile,times=2");
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Processed, 2, null), (record.Status, record.Attempts, record.LastError));
    }

    [Fact]
    public async Task A_function_failing_once_succeeds_on_its_in_state_retry_within_one_execution()
    {
        var pipeline = await fixture.OpenAsync("fail=InspectFile,times=1");
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Processed, 1), (record.Status, record.Attempts));
        var history = pipeline.Executions.History(Assert.Single(pipeline.Executions.List()).Id);
        Assert.Equal(1, history.Count(e => e.Type == "TaskFailed"));
    }

    [Fact]
    public async Task A_function_failing_twice_is_retried_once_in_the_state_machine_then_through_SQS_and_succeeds_on_the_next_receive()
    {
        var pipeline = await fixture.OpenAsync("fail=InspectFile,times=2");
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Processed, 2), (record.Status, record.Attempts));
        Assert.Equal(["FAILED", "SUCCEEDED"], pipeline.Executions.List().Select(e => e.Status).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_failing_ValidateUpload_is_tried_three_times_then_Lambdas_invocation_record_goes_to_its_own_OnFailure_queue()
    {
        var pipeline = await fixture.OpenAsync("fail=ValidateUpload");
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);
        var s3Event = Assert.Single(await pipeline.Queues.ListMessagesAsync(pipeline.AsyncInvokeQueue, CancellationToken.None)).Body;

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        Assert.Empty(await pipeline.DeadLetters.ListAsync(CancellationToken.None));
        Assert.Equal("filepipeline-failed-invokes", pipeline.FailedInvokeQueue);
        var record = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(await pipeline.FailedInvocations.ListAsync(CancellationToken.None)).Body)!;
        Assert.Equal("1.0", (string?)record["version"]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", (string?)record["timestamp"]);
        Assert.Equal(("RetriesExhausted", 3), ((string?)record["requestContext"]!["condition"], (int)record["requestContext"]!["approximateInvokeCount"]!));
        Assert.Equal(pipeline.Template.ValidateUpload.Arn + ":$LATEST", (string?)record["requestContext"]!["functionArn"]);
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(s3Event), record["requestPayload"]));
        Assert.Equal((200, "$LATEST", "Unhandled"), ((int)record["responseContext"]!["statusCode"]!, (string?)record["responseContext"]!["executedVersion"], (string?)record["responseContext"]!["functionError"]));
        Assert.False(string.IsNullOrEmpty((string?)record["responsePayload"]!["errorType"]));
        Assert.Empty(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_redriven_failed_invocation_invokes_ValidateUpload_with_its_requestPayload_and_the_file_is_processed()
    {
        var failing = await fixture.OpenAsync("fail=ValidateUpload");
        await PipelineFixture.UploadAsync(failing, "in/a.csv", Csv);
        await fixture.RunUntilIdleAsync(new PipelineRunner(failing));
        var healthy = await fixture.OpenAsync();

        Assert.Equal(1, await healthy.FailedInvocations.RedriveAsync(null, CancellationToken.None));
        Assert.Empty(await healthy.FailedInvocations.ListAsync(CancellationToken.None));
        await fixture.RunUntilIdleAsync(new PipelineRunner(healthy));

        Assert.Equal(FileStatus.Processed, Assert.Single(await healthy.Ledger.ListAsync(null, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task A_stale_PROCESSING_claim_is_taken_over_after_its_lease_and_the_crashed_execution_stays_visible()
    {
        var crashed = await fixture.OpenAsync("exit-after=ClaimFile", exit: _ => throw new SimulatedCrashException());
        await PipelineFixture.UploadAsync(crashed, "in/a.csv", Csv);
        var runner = new PipelineRunner(crashed);
        Assert.True(await runner.PollOnceAsync());
        var claimed = Assert.Single(await crashed.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal(FileStatus.Processing, claimed.Status);

        // The work message must not come back while the claim's lease holds, or it would be skipped as a duplicate.
        var lease = TimeSpan.FromSeconds(claimed.LeaseUntil!.Value - fixture.Time.GetUtcNow().ToUnixTimeSeconds());
        fixture.Time.Advance(lease - TimeSpan.FromSeconds(1));
        var restarted = await fixture.OpenAsync();
        var again = new PipelineRunner(restarted);
        Assert.False(await again.PollOnceAsync());
        fixture.Time.Advance(TimeSpan.FromSeconds(2));
        await fixture.RunUntilIdleAsync(again);

        var record = Assert.Single(await restarted.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Processed, 2, 3L), (record.Status, record.Attempts, record.RowCount));
        var executions = restarted.Executions.List().OrderBy(e => e.Id).ToList();
        Assert.Equal(["RUNNING", "SUCCEEDED"], executions.Select(e => e.Status));
        Assert.Equal("ClaimFile", restarted.Executions.History(executions[0].Id)[^1].Details?["name"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_upload_whose_runner_was_killed_before_every_claim_is_FAILED_once_its_message_is_parked()
    {
        var pipeline = await fixture.OpenAsync();
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);
        var s3Event = Assert.Single(await pipeline.Queues.ListMessagesAsync(pipeline.AsyncInvokeQueue, CancellationToken.None));
        await pipeline.Functions.InvokeAsync(pipeline.Template.ValidateUpload, s3Event.Body);
        await pipeline.Queues.PurgeQueueAsync(pipeline.AsyncInvokeQueue, CancellationToken.None);
        // Three runners received the work message and were killed before ClaimFile; the next receive parks it.
        await ReceiveUntilParkedAsync(pipeline);
        var runner = new PipelineRunner(pipeline);

        Assert.True(await runner.IsSettledAsync());

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Failed, 0), (record.Status, record.Attempts));
        Assert.StartsWith("Interrupted: accepted, but no execution claimed the file", record.LastError, StringComparison.Ordinal);
        Assert.Single(await pipeline.DeadLetters.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_claim_a_killed_runner_left_is_FAILED_once_idle_and_its_lease_has_ended_not_before()
    {
        var crashed = await fixture.OpenAsync("exit-after=ClaimFile", exit: _ => throw new SimulatedCrashException());
        await PipelineFixture.UploadAsync(crashed, "in/a.csv", Csv);
        Assert.True(await new PipelineRunner(crashed).PollOnceAsync());
        var claimed = Assert.Single(await crashed.Ledger.ListAsync(null, CancellationToken.None));
        var restarted = await fixture.OpenAsync();
        // Its message is gone while the claim's lease holds (here purged; e.g. deleted as another execution's DUPLICATE).
        await restarted.Queues.PurgeQueueAsync(restarted.Template.WorkQueue.Name, CancellationToken.None);
        var runner = new PipelineRunner(restarted);

        Assert.False(await runner.IsSettledAsync());
        Assert.Equal(FileStatus.Processing, Assert.Single(await restarted.Ledger.ListAsync(null, CancellationToken.None)).Status);
        fixture.Time.Advance(TimeSpan.FromSeconds(claimed.LeaseUntil!.Value - fixture.Time.GetUtcNow().ToUnixTimeSeconds() + 1));
        Assert.True(await runner.IsSettledAsync());

        var record = Assert.Single(await restarted.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Failed, 1, null), (record.Status, record.Attempts, record.LeaseUntil));
        Assert.StartsWith("Interrupted: the work stopped (a crash or kill) after 1 attempt(s)", record.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_claim_a_runner_killed_on_the_last_receive_left_is_FAILED_once_its_message_is_parked()
    {
        var crashed = await fixture.OpenAsync("exit-after=ClaimFile", exit: _ => throw new SimulatedCrashException());
        await PipelineFixture.UploadAsync(crashed, "in/a.csv", Csv);
        Assert.True(await new PipelineRunner(crashed).PollOnceAsync());
        var claimed = Assert.Single(await crashed.Ledger.ListAsync(null, CancellationToken.None));
        fixture.Time.Advance(TimeSpan.FromSeconds(claimed.LeaseUntil!.Value - fixture.Time.GetUtcNow().ToUnixTimeSeconds() + 1));
        var restarted = await fixture.OpenAsync();
        await ReceiveUntilParkedAsync(restarted);

        Assert.True(await new PipelineRunner(restarted).IsSettledAsync());

        var record = Assert.Single(await restarted.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Failed, 1), (record.Status, record.Attempts));
        Assert.StartsWith("Interrupted: ", record.LastError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, FileStatus.Processed, "PROCESSED")]
    [InlineData(false, FileStatus.Processing, "DUPLICATE")]
    public async Task A_live_claim_is_taken_again_only_by_a_later_receive_of_the_message_that_left_it(bool sameMessage, FileStatus status, string outcome)
    {
        var pipeline = await fixture.OpenAsync();
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);
        var s3Event = Assert.Single(await pipeline.Queues.ListMessagesAsync(pipeline.AsyncInvokeQueue, CancellationToken.None));
        await pipeline.Functions.InvokeAsync(pipeline.Template.ValidateUpload, s3Event.Body);
        await pipeline.Queues.PurgeQueueAsync(pipeline.AsyncInvokeQueue, CancellationToken.None);
        var message = Assert.Single(await pipeline.Queues.ListMessagesAsync(pipeline.Template.WorkQueue.Name, CancellationToken.None));
        var fileId = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None)).FileId;
        // An earlier execution claimed the file under a live lease and ended without recording (its
        // RecordFailure throttled); ProcessQueue's backoff then brings its message back inside the lease.
        var claimant = sameMessage ? message.MessageId : "another-message";
        await ClaimAsync(pipeline, fileId, claimant, fixture.Time.GetUtcNow().AddSeconds(300));

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal(status, record.Status);
        Assert.Equal(outcome, Assert.Single(pipeline.Executions.List()).Outcome);
    }

    private async Task ClaimAsync(LocalPipeline pipeline, string fileId, string messageId, DateTimeOffset leaseUntil)
    {
        var request = System.Text.Json.Nodes.JsonNode.Parse($$"""
            {
              "TableName": "{{pipeline.Template.Table.Name}}",
              "Key": { "fileId": { "S": "{{fileId}}" } },
              "UpdateExpression": "SET #status = :processing, claimedBy = :claimedBy, claimMessageId = :messageId, leaseUntil = :leaseUntil ADD attempts :one",
              "ExpressionAttributeNames": { "#status": "status" },
              "ExpressionAttributeValues": {
                ":processing": { "S": "PROCESSING" },
                ":claimedBy": { "S": "arn:aws:states:us-east-1:123456789012:express:earlier:{{messageId}}-r1" },
                ":messageId": { "S": "{{messageId}}" },
                ":leaseUntil": { "N": "{{leaseUntil.ToUnixTimeSeconds()}}" },
                ":one": { "N": "1" }
              }
            }
            """)!.AsObject();
        await new FilePipeline.Local.Table.EmbeddedDynamoDb(pipeline.Database, timeProvider: fixture.Time).ExecuteAsync("UpdateItem", request, CancellationToken.None);
    }

    /// <summary>Receives the work message with no visibility until the queue moves it to the DLQ, as killed runners would.</summary>
    private static async Task ReceiveUntilParkedAsync(LocalPipeline pipeline)
    {
        var request = new ReceiveMessageRequest(pipeline.Template.WorkQueue.Name) { VisibilityTimeout = 0, WaitTimeSeconds = 0 };
        while (await pipeline.DeadLetters.ListAsync(CancellationToken.None) is { Count: 0 })
        {
            await pipeline.Queues.ReceiveMessageAsync(request, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Two_runners_on_one_state_directory_never_process_one_message_at_once()
    {
        var first = await fixture.OpenAsync();
        var second = await fixture.OpenAsync();
        for (var i = 0; i < 20; i++)
        {
            await PipelineFixture.UploadAsync(i % 2 == 0 ? first : second, $"in/f{i}.csv", $"id\n{i}\n");
        }

        await Task.WhenAll(Task.Run(() => DrainAsync(first)), Task.Run(() => DrainAsync(second)));

        var executions = first.Executions.List();
        Assert.Equal(20, executions.Count);
        Assert.Equal(20, executions.Select(e => e.Name).Distinct().Count());
        Assert.All(executions, e => Assert.Equal("PROCESSED", e.Outcome));
        var records = await first.Ledger.ListAsync(null, CancellationToken.None);
        Assert.Equal(20, records.Count);
        Assert.All(records, r => Assert.Equal((FileStatus.Processed, 1), (r.Status, r.Attempts)));
    }

    [Fact]
    public async Task A_batch_running_past_its_visibility_timeout_is_kept_invisible_until_it_settles()
    {
        // Both clock steps together stay under the express machine's five-minute limit.
        const int Visibility = 280;
        LocalPipeline pipeline = null!;
        var receivedMeanwhile = -1;
        // ClaimFile's exit hook stands for a slow execution: the clock passes the visibility timeout
        // while it holds the claim, and nobody else may receive the message meanwhile.
        void SlowExecution(ExitFault _)
        {
            var queue = pipeline.Template.WorkQueue.Name;
            var visibleAt = Single(pipeline.Queues.ListMessagesAsync(queue, CancellationToken.None)).VisibleAt;
            fixture.Time.Advance(TimeSpan.FromSeconds((Visibility / 2) + 1));
            var renewed = SpinWait.SpinUntil(
                () => Single(pipeline.Queues.ListMessagesAsync(queue, CancellationToken.None)).VisibleAt > visibleAt,
                TimeSpan.FromSeconds(10));
            Assert.True(renewed, "the batch's visibility was not renewed");
            fixture.Time.Advance(TimeSpan.FromSeconds((Visibility / 2) + 1));
            receivedMeanwhile = pipeline.Queues
                .ReceiveMessageAsync(new ReceiveMessageRequest(queue) { MaxNumberOfMessages = 10 }, CancellationToken.None)
                .GetAwaiter().GetResult().Count;
        }

        pipeline = await fixture.OpenAsync(fixture.Options("exit-after=ClaimFile", SlowExecution) with
        {
            VisibilityTimeout = Visibility,
            EnvironmentOverrides = new Dictionary<string, string> { ["LEASE_SECONDS"] = "200" },
        });
        await PipelineFixture.UploadAsync(pipeline, "in/slow.csv", Csv);
        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        Assert.Equal(0, receivedMeanwhile);
        var record = Assert.Single(await pipeline.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((FileStatus.Processed, 1), (record.Status, record.Attempts));
        Assert.Single(pipeline.Executions.List());
    }

    private static QueuedMessage Single(Task<IReadOnlyList<QueuedMessage>> messages) => Assert.Single(messages.GetAwaiter().GetResult());

    [Fact]
    public async Task A_visibility_override_shorter_than_the_lease_is_refused()
    {
        var error = await Assert.ThrowsAsync<HostConfigurationException>(() => fixture.OpenAsync(fixture.Options() with { VisibilityTimeout = 30 }));

        Assert.Contains("lease", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reopening_a_state_directory_keeps_its_queues_objects_and_ledger()
    {
        var first = await fixture.OpenAsync();
        await PipelineFixture.UploadAsync(first, "in/a.csv", Csv);

        var reopened = await fixture.OpenAsync();
        await fixture.RunUntilIdleAsync(new PipelineRunner(reopened));

        Assert.Equal(FileStatus.Processed, Assert.Single(await first.Ledger.ListAsync(null, CancellationToken.None)).Status);
        var counts = await reopened.Queues.GetQueueCountsAsync(reopened.Template.WorkQueue.Name, CancellationToken.None);
        Assert.Equal(new QueueCounts(0, 0), counts);
    }

    [Fact]
    public async Task A_throttled_table_fails_the_executions_with_DynamoDBs_error_name_and_the_message_is_parked()
    {
        // Accepted while the table still answers; then every table operation is throttled.
        var accepting = await fixture.OpenAsync();
        await PipelineFixture.UploadAsync(accepting, "in/a.csv", Csv);
        var s3Event = Assert.Single(await accepting.Queues.ListMessagesAsync(accepting.AsyncInvokeQueue, CancellationToken.None));
        await accepting.Functions.InvokeAsync(accepting.Template.ValidateUpload, s3Event.Body);
        await accepting.Queues.PurgeQueueAsync(accepting.AsyncInvokeQueue, CancellationToken.None);
        var pipeline = await fixture.OpenAsync("throttle=1");

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        var executions = pipeline.Executions.List();
        Assert.Equal(3, executions.Count);
        Assert.All(executions, e => Assert.Equal(("FAILED", "DynamoDB.ProvisionedThroughputExceededException"), (e.Status, e.Error)));
        Assert.Equal(4, pipeline.Executions.History(executions[0].Id).Count(e => e.Type == "TaskFailed"));
        Assert.Equal(3, Assert.Single(await pipeline.DeadLetters.ListAsync(CancellationToken.None)).ReceiveCount);
    }

    [Fact]
    public async Task An_upload_ValidateUpload_cannot_record_is_retried_and_its_event_parked_not_queued_unrecorded()
    {
        var pipeline = await fixture.OpenAsync("throttle=1");
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);

        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));

        Assert.Empty(pipeline.Executions.List());
        var parked = Assert.Single(await pipeline.FailedInvocations.ListAsync(CancellationToken.None));
        Assert.Contains("\"ObjectCreated:Put\"", parked.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stored_executions_are_found_by_number_name_ARN_and_file_id()
    {
        var pipeline = await fixture.OpenAsync();
        await PipelineFixture.UploadAsync(pipeline, "in/a.csv", Csv);
        await PipelineFixture.UploadAsync(pipeline, "in/b.csv", Csv + "4,d\n");
        await fixture.RunUntilIdleAsync(new PipelineRunner(pipeline));
        var execution = pipeline.Executions.List().First(e => e.FileId!.Contains("/in/b.csv@", StringComparison.Ordinal));

        Assert.Equal(execution, pipeline.Executions.Find(execution.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(execution, pipeline.Executions.Find(execution.Name));
        Assert.Equal(execution, pipeline.Executions.Find(execution.ExecutionArn!));
        Assert.Equal([execution], pipeline.Executions.List(execution.FileId));
        Assert.Null(pipeline.Executions.Find("no-such-execution"));
        var history = pipeline.Executions.History(execution.Id);
        Assert.Equal(Enumerable.Range(1, history.Count).Select(i => (long)i), history.Select(e => e.Id));
        Assert.Equal(("ExecutionStarted", "ExecutionSucceeded"), (history[0].Type, history[^1].Type));
    }

    private static async Task DrainAsync(LocalPipeline pipeline)
    {
        var runner = new PipelineRunner(pipeline);
        while (await runner.PollOnceAsync() || !await runner.IsIdleAsync())
        {
            await Task.Yield();
        }
    }

    private sealed class SimulatedCrashException : Exception;
}
