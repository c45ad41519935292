using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.Core.Ledger;

namespace FilePipeline.Core.Tests.Ledger;

public sealed class FileRecordItemTests
{
    private static readonly FileRecord Processed = new()
    {
        FileId = "in/a.csv@abc",
        Bucket = "in",
        Key = "data/a.csv",
        FileName = "a.csv",
        VersionId = "v1",
        ETag = "abc",
        SizeBytes = 1234,
        Status = FileStatus.Processed,
        RowCount = 10,
        ColumnCount = 3,
        Checksum = "xxh128:00ff",
        Attempts = 2,
        ClaimedBy = "exec-1",
        LeaseUntil = 1_800_000_000,
        FirstSeenAt = new DateTimeOffset(2026, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(1)),
        ProcessedAt = new DateTimeOffset(2026, 1, 2, 3, 5, 0, TimeSpan.Zero),
    };

    [Fact]
    public void The_item_uses_the_ledger_attribute_names_and_dynamodb_types()
    {
        var item = FileRecordItem.ToItem(Processed);
        var expected = JsonNode.Parse("""
            {"fileId":{"S":"in/a.csv@abc"},"bucket":{"S":"in"},"key":{"S":"data/a.csv"},"fileName":{"S":"a.csv"},"eTag":{"S":"abc"},
             "sizeBytes":{"N":"1234"},"status":{"S":"PROCESSED"},"attempts":{"N":"2"},"firstSeenAt":{"S":"2026-01-02T03:04:05.678Z"},
             "updatedAt":{"S":"2026-01-02T03:04:05.000Z"},"versionId":{"S":"v1"},"rowCount":{"N":"10"},"columnCount":{"N":"3"},
             "checksum":{"S":"xxh128:00ff"},"claimedBy":{"S":"exec-1"},"leaseUntil":{"N":"1800000000"},"processedAt":{"S":"2026-01-02T03:05:00.000Z"}}
            """);
        Assert.True(JsonNode.DeepEquals(expected, item), item.ToJsonString());
    }

    [Fact]
    public void A_record_survives_the_round_trip()
    {
        var rejected = Processed with { Status = FileStatus.Rejected, RowCount = null, ProcessedAt = null, Reason = "EMPTY: the file has no rows", VersionId = null };
        Assert.Equal(rejected, FileRecordItem.FromItem(FileRecordItem.ToItem(rejected)));
        Assert.Equal(Processed, FileRecordItem.FromItem(FileRecordItem.ToItem(Processed)));
    }

    [Fact]
    public void Items_written_by_the_state_machine_without_counters_read_as_zero()
    {
        var record = FileRecordItem.FromItem(JsonNode.Parse("""
            {"fileId":{"S":"b/k@e"},"bucket":{"S":"b"},"key":{"S":"dir/k.csv"},"eTag":{"S":"e"},"status":{"S":"PROCESSING"},"leaseUntil":{"N":"99"}}
            """)!.AsObject());
        Assert.Equal(FileStatus.Processing, record.Status);
        Assert.Equal("k.csv", record.FileName);
        Assert.Equal(0, record.Attempts);
        Assert.Equal(99, record.LeaseUntil);
    }

    [Theory]
    [InlineData("""{"bucket":{"S":"b"},"key":{"S":"k"},"eTag":{"S":"e"},"status":{"S":"FAILED"}}""")]
    [InlineData("""{"fileId":{"S":"f"},"bucket":{"S":"b"},"key":{"S":"k"},"eTag":{"S":"e"},"status":{"S":"failed"}}""")]
    [InlineData("""{"fileId":{"S":"f"},"bucket":{"S":"b"},"key":{"S":"k"},"eTag":{"S":"e"},"status":{"S":"FAILED"},"attempts":{"S":"1"}}""")]
    [InlineData("""{"fileId":{"S":"f"},"bucket":{"S":"b"},"key":{"S":"k"},"eTag":{"S":"e"},"status":{"S":"FAILED"},"updatedAt":{"S":"yesterday"}}""")]
    public void Malformed_items_are_a_FormatException(string json) =>
        Assert.Throws<FormatException>(() => FileRecordItem.FromItem(JsonNode.Parse(json)!.AsObject()));

    [Fact]
    public void Stored_text_reads_as_the_node_tree_does_skipping_attributes_the_ledger_does_not_know()
    {
        var item = FileRecordItem.ToItem(Processed);
        item["reason"] = JsonNode.Parse("""{"NULL":true}""");
        item["tags"] = JsonNode.Parse("""{"M":{"status":{"S":"FAILED"},"list":{"L":[{"N":"1"},{"NULL":true}]}}}""");
        Assert.Equal(Processed, FileRecordItem.FromItem(Encoding.UTF8.GetBytes(item.ToJsonString())));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"fileId":{"S":"f"},""")]
    [InlineData("""{"fileId":{"S":"f","N":"1"},"bucket":{"S":"b"},"key":{"S":"k"},"eTag":{"S":"e"},"status":{"S":"FAILED"}}""")]
    [InlineData("""{"fileId":{"S":"f"},"bucket":{"S":"b"},"key":{"S":"k"},"eTag":{"S":"e"},"status":{"S":"FAILED"},"rowCount":{"N":"1.5"}}""")]
    public void Stored_text_that_is_not_a_ledger_item_is_a_FormatException(string text) =>
        Assert.Throws<FormatException>(() => FileRecordItem.FromItem(Encoding.UTF8.GetBytes(text)));
}
