using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Core.Csv;
using FilePipeline.Core.Errors;
using FilePipeline.Functions.Payloads;
using FilePipeline.Functions.Settings;
using FilePipeline.Functions.Tests.Fakes;

namespace FilePipeline.Functions.Tests;

public class InspectFileFunctionTests
{
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("id,name,city\n1,Ada,London\n2,Grace,Arlington\n3,Linus\n");

    private readonly FakeObjectStore objects = new();
    private readonly TestInvocation invocation = new(TimeSpan.FromSeconds(120));

    private InspectFileFunction Function(FunctionSettings? settings = null) =>
        new(objects, settings ?? new FunctionSettings(), invocation.Time);

    private ExecutionInput Stored(string key, byte[] bytes)
    {
        var info = objects.Add("uploads", key, bytes, versionId: "v3");
        return new ExecutionInput
        {
            Bucket = "uploads",
            Key = key,
            VersionId = info.VersionId,
            ETag = info.ETag,
            Size = bytes.Length,
            FileId = $"uploads/{key}@{info.ETag}",
            FileName = key,
            MessageId = "m-1",
            ReceiveCount = 1,
            Now = 1,
            LeaseUntil = 361,
            Claim = new ExecutionClaim("arn:aws:states:us-east-1:123456789012:express:fp:m-1-r1:1"),
        };
    }

    [Fact]
    public async Task It_returns_the_inspection_of_the_pinned_object_version()
    {
        var input = Stored("customers.csv", Csv);

        var result = await Function().InspectFile(input, invocation.Context);

        var expected = await CsvInspector.InspectAsync(new MemoryStream(Csv), CsvInspectionOptions.Default, CancellationToken.None);
        Assert.Equal(3, result.RowCount);
        Assert.Equal(3, result.ColumnCount);
        Assert.Equal(["id", "name", "city"], result.Header);
        Assert.Equal(Csv.Length, result.Bytes);
        Assert.Equal(expected.Checksum, result.Checksum);
        Assert.Equal(1, result.RaggedRows);
        Assert.Equal(4, result.FirstRaggedLine);
        var opened = Assert.Single(objects.Opens);
        Assert.Equal(("v3", input.ETag), (opened.VersionId, opened.ETag));
    }

    [Fact]
    public async Task The_result_always_writes_firstRaggedLine_so_the_state_machines_path_finds_it()
    {
        var result = await Function().InspectFile(Stored("even.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n")), invocation.Context);

        var json = JsonNode.Parse(JsonSerializer.Serialize(result, FunctionsJsonContext.Default.InspectFileResult))!.AsObject();

        Assert.Equal(["rowCount", "columnCount", "header", "bytes", "checksum", "raggedRows", "firstRaggedLine", "headerTruncated"], json.Select(p => p.Key));
        Assert.Null(json["firstRaggedLine"]);
        Assert.False(json["headerTruncated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_25000_column_header_returns_its_leading_names_within_the_budget_and_says_it_was_truncated()
    {
        var names = Enumerable.Range(0, 25_000).Select(i => $"column_{i:D8}").ToArray();
        var csv = Encoding.UTF8.GetBytes(string.Join(',', names) + "\n" + string.Join(',', names.Select((_, i) => i)) + "\n");
        Assert.True(csv.Length > 400_000);

        var result = await Function().InspectFile(Stored("wide.csv", csv), invocation.Context);

        var json = JsonSerializer.Serialize(result, FunctionsJsonContext.Default.InspectFileResult);
        Assert.Equal((1, 25_000), (result.RowCount, result.ColumnCount));
        Assert.True(result.HeaderTruncated);
        Assert.Equal(names.Take(result.Header.Count), result.Header);
        Assert.InRange(result.Header.Count, 500, 25_000 - 1);
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 1, HeaderPreview.ByteBudget + 1024);
    }

    [Fact]
    public void Names_that_escape_in_JSON_are_measured_escaped()
    {
        var (names, truncated) = HeaderPreview.Of(["\u0001\u0001", "a"], byteBudget: 2 * 6 + 3 + 1 + 3);
        Assert.Equal(["\u0001\u0001", "a"], names);
        Assert.False(truncated);

        (names, truncated) = HeaderPreview.Of(["\u0001\u0001", "a"], byteBudget: 2 * 6 + 3);
        Assert.Equal(["\u0001\u0001"], names);
        Assert.True(truncated);
    }

    [Fact]
    public async Task A_missing_object_propagates_ObjectNotFoundException()
    {
        var input = Stored("x.csv", Csv) with { Key = "gone.csv" };

        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Function().InspectFile(input, invocation.Context));
    }

    [Fact]
    public async Task An_object_whose_ETag_changed_propagates_ObjectChangedException()
    {
        var input = Stored("x.csv", Csv) with { ETag = "0000" };

        await Assert.ThrowsAsync<ObjectChangedException>(() => Function().InspectFile(input, invocation.Context));
    }

    [Fact]
    public async Task Malformed_CSV_propagates_InvalidCsvException_with_its_line()
    {
        var input = Stored("bad.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n3,\"unterminated\n"));

        var error = await Assert.ThrowsAsync<InvalidCsvException>(() => Function().InspectFile(input, invocation.Context));

        Assert.Equal(3, error.Line);
        Assert.Contains(invocation.LogLines, line => (string?)line["errorType"] == nameof(InvalidCsvException) && (string?)line["level"] == "WARN");
    }

    [Fact]
    public async Task A_file_above_the_size_limit_propagates_FileTooLargeException()
    {
        var settings = new FunctionSettings { UploadRules = new FunctionSettings().UploadRules with { MaxSizeBytes = 10 } };

        await Assert.ThrowsAsync<FileTooLargeException>(() => Function(settings).InspectFile(Stored("big.csv", Csv), invocation.Context));
    }

    [Fact]
    public async Task A_transient_store_failure_propagates_StorageUnavailableException()
    {
        var input = Stored("x.csv", Csv);
        objects.FailuresByKey["x.csv"] = new StorageUnavailableException("503");

        await Assert.ThrowsAsync<StorageUnavailableException>(() => Function().InspectFile(input, invocation.Context));
    }

    [Fact]
    public async Task A_read_still_running_at_the_safety_margin_before_the_deadline_stops_with_DeadlineExceededException()
    {
        var input = Stored("slow.csv", Csv);
        objects.ContentOverride = () => new StallingStream();
        var settings = new FunctionSettings { DeadlineMargin = TimeSpan.FromSeconds(5) };

        var handling = Function(settings).InspectFile(input, invocation.Context);
        invocation.Time.Advance(TimeSpan.FromSeconds(114));
        Assert.False(handling.IsCompleted);
        invocation.Time.Advance(TimeSpan.FromSeconds(1));

        var error = await Assert.ThrowsAsync<DeadlineExceededException>(() => handling.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
    }

    [Fact]
    public async Task Log_lines_carry_the_file_message_and_execution()
    {
        var input = Stored("customers.csv", Csv);

        await Function().InspectFile(input, invocation.Context);

        var line = Assert.Single(invocation.LogLines);
        Assert.Equal(input.FileId, (string?)line["fileId"]);
        Assert.Equal("m-1", (string?)line["messageId"]);
        Assert.Equal(input.Claim!.ExecutionId, (string?)line["executionId"]);
    }

    [Fact]
    public void The_state_data_InspectFile_receives_reads_as_its_input_despite_the_extra_fields()
    {
        const string StateData = """
            {"bucket":"uploads","key":"a b.csv","eTag":"e1","size":5,"eventTime":"2026-11-28T11:59:00.123Z",
             "fileId":"uploads/a b.csv@e1","fileName":"a b.csv","messageId":"m","receiveCount":2,"now":100,"leaseUntil":460,
             "ledger":{"SdkHttpMetadata":{}},"claim":{"executionId":"arn:exec"}}
            """;

        var input = JsonSerializer.Deserialize(StateData, FunctionsJsonContext.Default.ExecutionInput)!;

        Assert.Equal(new Core.FileRef("uploads", "a b.csv", "e1"), input.ToFileRef());
        Assert.Equal("arn:exec", input.Claim?.ExecutionId);
        Assert.Equal(2, input.ReceiveCount);
    }

    [Fact]
    public void An_execution_input_without_a_file_id_is_refused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"bucket":"b","key":"k","eTag":"e","fileName":"k","messageId":"m"}""", FunctionsJsonContext.Default.ExecutionInput));
    }

    /// <summary>A stream whose reads wait until they are cancelled, like a stalled download.</summary>
    private sealed class StallingStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => 0; set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("reads are asynchronous only");

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
