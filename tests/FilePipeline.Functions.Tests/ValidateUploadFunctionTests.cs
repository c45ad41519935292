using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.Core;
using FilePipeline.Core.Errors;
using FilePipeline.Core.Ledger;
using FilePipeline.Core.Ports;
using FilePipeline.Functions.Events;
using FilePipeline.Functions.Settings;
using FilePipeline.Functions.Tests.Fakes;
using FilePipeline.Functions.TestUtilities;
using static FilePipeline.Functions.Events.S3Event;

namespace FilePipeline.Functions.Tests;

public class ValidateUploadFunctionTests
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("id,name\n1,Ada\n2,Grace\n");

    private readonly FakeObjectStore objects = new();
    private readonly FakeJobQueue queue = new();
    private readonly FakeLedger ledger = new();
    private readonly TestInvocation invocation = new();

    private ValidateUploadFunction Function(FunctionSettings? settings = null) =>
        new(objects, queue, ledger, settings ?? new FunctionSettings(), invocation.Time);

    private static S3EventNotificationRecord Record(string bucket, string encodedKey, long size, string eTag, string? versionId = "v1", string eventName = "ObjectCreated:Put") => new()
    {
        EventVersion = "2.1",
        EventSource = "aws:s3",
        AwsRegion = "us-east-1",
        EventTime = new DateTime(2026, 11, 28, 11, 59, 0, 123, DateTimeKind.Utc),
        EventName = eventName,
        S3 = new S3Entity
        {
            Bucket = new S3BucketEntity { Name = bucket, Arn = $"arn:aws:s3:::{bucket}" },
            Object = new S3ObjectEntity { Key = encodedKey, Size = size, ETag = eTag, VersionId = versionId, Sequencer = "0055AED6DCD90281E5" },
        },
    };

    private S3EventNotificationRecord Uploaded(string key, byte[] bytes, string? encodedKey = null)
    {
        var info = objects.Add("uploads", key, bytes);
        return Record("uploads", encodedKey ?? key, bytes.Length, info.ETag);
    }

    private static S3Event Event(params S3EventNotificationRecord[] records) => new() { Records = [.. records] };

    [Fact]
    public async Task A_valid_upload_becomes_one_queue_message_with_the_decoded_key_and_the_messages_fields()
    {
        var record = Uploaded("in/Q1 report+final.csv", Csv, encodedKey: "in/Q1+report%2Bfinal.csv");
        record.S3!.Object!.ETag = $"\"{record.S3.Object.ETag!.ToUpperInvariant()}\"";

        await Function().ValidateUpload(Event(record), invocation.Context);

        var body = JsonNode.Parse(Assert.Single(queue.Delivered))!.AsObject();
        Assert.Equal(["bucket", "key", "versionId", "eTag", "size", "sequencer", "eventTime"], body.Select(p => p.Key));
        Assert.Equal("uploads", (string?)body["bucket"]);
        Assert.Equal("in/Q1 report+final.csv", (string?)body["key"]);
        Assert.Equal("v1", (string?)body["versionId"]);
        Assert.Equal(record.S3.Object.ETag.Trim('"').ToLowerInvariant(), (string?)body["eTag"]);
        Assert.Equal(Csv.Length, (long)body["size"]!);
        Assert.Equal("0055AED6DCD90281E5", (string?)body["sequencer"]);
        Assert.Equal("2026-11-28T11:59:00.123Z", (string?)body["eventTime"]);
        var accepted = Assert.Single(ledger.Records.Values);
        Assert.Equal(("in/Q1 report+final.csv", FileStatus.Processing, 0, null, null), (accepted.Key, accepted.Status, accepted.Attempts, accepted.ClaimedBy, accepted.LeaseUntil));
    }

    [Fact]
    public async Task An_accepted_upload_is_recorded_before_its_message_is_sent_and_an_existing_record_is_kept()
    {
        var first = Uploaded("a.csv", Csv);
        var second = Uploaded("b.csv", Csv);
        var fileId = FileRef.FromS3("uploads", "b.csv", second.S3!.Object!.ETag!, "v1").FileId;
        var existing = new FileRecord { FileId = fileId, Bucket = "uploads", Key = "b.csv", FileName = "b.csv", ETag = "e", Status = FileStatus.Processed, RowCount = 2 };
        ledger.Records[fileId] = existing;
        queue.Refuse = (_, entries) => [.. entries.Select(e => new SendFailure(e.Id, "InvalidMessageContents", "refused", SenderFault: true))];

        await Assert.ThrowsAsync<QueueSendException>(() => Function().ValidateUpload(Event(first, second), invocation.Context));

        Assert.Equal(FileStatus.Processing, ledger.Records.Values.Single(r => r.Key == "a.csv").Status);
        Assert.Same(existing, ledger.Records[fileId]);
    }

    [Fact]
    public async Task AWSs_sample_console_event_is_read_with_its_encoded_key_decoded()
    {
        var sample = System.Text.Json.JsonSerializer.Deserialize(File.ReadAllText(TestFiles.Data("s3-put-console-test-event.json")), FunctionsJsonContext.Default.S3Event)!;
        objects.Add("example-bucket", "test/key", Csv);

        await Function().ValidateUpload(sample, invocation.Context);

        var rejected = Assert.Single(ledger.Records.Values);
        Assert.Equal("example-bucket/test/key@0123456789abcdef0123456789abcdef", rejected.FileId);
        Assert.Equal("key", rejected.FileName);
        Assert.StartsWith("UnsupportedSuffix: ", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sniff_reads_the_configured_prefix_of_the_pinned_version()
    {
        var record = Uploaded("a.csv", Csv);
        var settings = new FunctionSettings { UploadRules = new FunctionSettings().UploadRules with { SniffBytes = 8 } };

        await Function(settings).ValidateUpload(Event(record), invocation.Context);

        var (file, count) = Assert.Single(objects.PrefixReads);
        Assert.Equal(8, count);
        Assert.Equal("v1", file.VersionId);
        Assert.Equal(record.S3!.Object!.ETag, file.ETag);
    }

    [Theory]
    [InlineData("ObjectRemoved:Delete")]
    [InlineData("ObjectRestore:Completed")]
    [InlineData("s3:TestEvent")]
    public async Task Events_other_than_ObjectCreated_are_ignored_with_a_log_line(string eventName)
    {
        var record = Uploaded("a.csv", Csv);
        record.EventName = eventName;

        await Function().ValidateUpload(Event(record), invocation.Context);

        Assert.Empty(queue.Calls);
        Assert.Empty(ledger.Records);
        Assert.Empty(objects.PrefixReads);
        Assert.Contains(invocation.LogLines, line => ((string?)line["message"])!.Contains(eventName, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_with_the_wrong_suffix_is_rejected_in_the_ledger_without_reading_it()
    {
        var record = Uploaded("reports/data.xlsx", Csv);

        await Function().ValidateUpload(Event(record), invocation.Context);

        Assert.Empty(queue.Calls);
        Assert.Empty(objects.PrefixReads);
        var rejected = Assert.Single(ledger.Records.Values);
        Assert.Equal(FileStatus.Rejected, rejected.Status);
        Assert.StartsWith("UnsupportedSuffix: ", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal($"uploads/reports/data.xlsx@{record.S3!.Object!.ETag}", rejected.FileId);
        Assert.Equal("data.xlsx", rejected.FileName);
        Assert.Equal("v1", rejected.VersionId);
        Assert.Equal(Csv.Length, rejected.SizeBytes);
        Assert.Equal(invocation.Time.GetUtcNow(), rejected.FirstSeenAt);
        Assert.Equal(invocation.Time.GetUtcNow(), rejected.UpdatedAt);
    }

    [Fact]
    public async Task A_binary_file_is_rejected_from_its_first_bytes()
    {
        var record = Uploaded("photo.csv", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]);

        await Function().ValidateUpload(Event(record), invocation.Context);

        Assert.Empty(queue.Calls);
        Assert.StartsWith("Binary: ", Assert.Single(ledger.Records.Values).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_object_deleted_before_the_sniff_is_rejected_with_the_exceptions_name_as_code()
    {
        var record = Record("uploads", "gone.csv", 10, "abc");

        await Function().ValidateUpload(Event(record), invocation.Context);

        Assert.Empty(queue.Calls);
        Assert.StartsWith("ObjectNotFoundException: ", Assert.Single(ledger.Records.Values).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_that_cannot_be_decoded_is_rejected_under_the_key_as_sent()
    {
        var record = Record("uploads", "bad%zzkey.csv", 10, "\"ABC\"");

        await Function().ValidateUpload(Event(record), invocation.Context);

        var rejected = Assert.Single(ledger.Records.Values);
        Assert.Equal("uploads/bad%zzkey.csv@abc", rejected.FileId);
        Assert.StartsWith("InvalidObjectKeyException: ", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(queue.Calls);
    }

    [Fact]
    public async Task A_rejection_never_overwrites_an_existing_ledger_record()
    {
        var record = Uploaded("data.txt", Csv);
        var fileId = $"uploads/data.txt@{record.S3!.Object!.ETag}";
        var existing = new FileRecord { FileId = fileId, Bucket = "uploads", Key = "data.txt", FileName = "data.txt", ETag = "x", Status = FileStatus.Rejected, Reason = "earlier" };
        ledger.Records[fileId] = existing;

        await Function().ValidateUpload(Event(record), invocation.Context);

        Assert.Same(existing, ledger.Records[fileId]);
        Assert.Contains(invocation.LogLines, line => ((string?)line["message"])!.Contains("already had a record", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Valid_and_invalid_uploads_in_one_event_are_each_handled()
    {
        await Function().ValidateUpload(Event(Uploaded("ok.csv", Csv), Uploaded("no.json", Csv)), invocation.Context);

        Assert.Contains("\"key\":\"ok.csv\"", Assert.Single(queue.Delivered), StringComparison.Ordinal);
        Assert.Equal("no.json", Assert.Single(ledger.Records.Values, r => r.Status == FileStatus.Rejected).Key);
        Assert.Equal("ok.csv", Assert.Single(ledger.Records.Values, r => r.Status == FileStatus.Processing).Key);
    }

    [Fact]
    public async Task Messages_are_sent_in_batches_of_at_most_ten_with_ids_unique_in_each_batch()
    {
        var records = Enumerable.Range(0, 25).Select(i => Uploaded($"f{i}.csv", Csv)).ToArray();

        await Function().ValidateUpload(Event(records), invocation.Context);

        Assert.Equal([10, 10, 5], queue.Calls.Select(c => c.Count));
        Assert.All(queue.Calls, call => Assert.Equal(call.Count, call.Select(e => e.Id).Distinct().Count()));
        Assert.Equal(25, queue.Delivered.Distinct().Count());
    }

    [Fact]
    public async Task With_the_test_utilities_logger_a_function_writes_leveled_text_lines()
    {
        var logger = new TestLambdaLogger();
        var record = Uploaded("a.csv", Csv);
        record.EventName = "ObjectRemoved:Delete";

        await Function().ValidateUpload(Event(record), new TestLambdaContext { AwsRequestId = "req-2", RemainingTime = TimeSpan.FromMinutes(1), Logger = logger });

        Assert.StartsWith("Information: Ignored a 'ObjectRemoved:Delete' event for 'a.csv'", logger.Buffer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_log_line_about_a_file_carries_its_file_id_and_the_request_id()
    {
        var record = Uploaded("a.csv", Csv);

        await Function().ValidateUpload(Event(record), invocation.Context);

        var line = Assert.Single(invocation.LogLines);
        Assert.Equal($"uploads/a.csv@{record.S3!.Object!.ETag}", (string?)line["fileId"]);
        Assert.Equal("req-1", (string?)line["requestId"]);
    }

    [Fact]
    public async Task Entries_the_queue_refuses_are_resent_alone_after_a_backoff()
    {
        var records = Enumerable.Range(0, 3).Select(i => Uploaded($"f{i}.csv", Csv)).ToArray();
        queue.Refuse = (call, entries) => call == 1 ? [new SendFailure(entries[1].Id, "ServiceUnavailable", "try later", SenderFault: false)] : [];

        var handling = Function().ValidateUpload(Event(records), invocation.Context);
        await queue.NextCallAsync();
        invocation.Time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.Single(queue.Calls);
        invocation.Time.Advance(TimeSpan.FromMilliseconds(1));
        var retry = await queue.NextCallAsync();
        await handling.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(queue.Calls[0][1], Assert.Single(retry));
        Assert.Equal(3, queue.Delivered.Distinct().Count());
    }

    [Fact]
    public async Task Entries_still_refused_after_every_retry_make_the_invocation_fail()
    {
        var record = Uploaded("a.csv", Csv);
        queue.Refuse = (_, entries) => [.. entries.Select(e => new SendFailure(e.Id, "ServiceUnavailable", "down", SenderFault: false))];
        var settings = new FunctionSettings();

        var handling = Function(settings).ValidateUpload(Event(record), invocation.Context);
        await queue.NextCallAsync();
        foreach (var delay in settings.SendRetryDelays)
        {
            invocation.Time.Advance(delay);
            await queue.NextCallAsync();
        }

        var error = await Assert.ThrowsAsync<QueueSendException>(() => handling.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(settings.SendRetryDelays.Count + 1, queue.Calls.Count);
        Assert.Equal("ServiceUnavailable", Assert.Single(error.Failures).Code);
    }

    [Fact]
    public async Task An_entry_refused_for_a_sender_fault_is_not_retried()
    {
        var record = Uploaded("a.csv", Csv);
        queue.Refuse = (_, entries) => [new SendFailure(entries[0].Id, "InvalidMessageContents", "bad", SenderFault: true)];

        var error = await Assert.ThrowsAsync<QueueSendException>(() => Function().ValidateUpload(Event(record), invocation.Context));

        Assert.Single(queue.Calls);
        Assert.Equal("InvalidMessageContents", Assert.Single(error.Failures).Code);
    }

    [Fact]
    public async Task A_transient_store_failure_fails_the_invocation_so_the_event_is_retried()
    {
        var record = Uploaded("a.csv", Csv);
        objects.FailuresByKey["a.csv"] = new StorageUnavailableException("S3 returned 503");

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Function().ValidateUpload(Event(record), invocation.Context));

        Assert.Empty(queue.Calls);
        Assert.Empty(ledger.Records);
    }

    [Fact]
    public async Task A_record_without_bucket_or_key_is_a_malformed_event()
    {
        var record = Record("uploads", "a.csv", 1, "e");
        record.S3!.Object!.Key = null;

        await Assert.ThrowsAsync<FormatException>(() => Function().ValidateUpload(Event(record), invocation.Context));
    }
}
