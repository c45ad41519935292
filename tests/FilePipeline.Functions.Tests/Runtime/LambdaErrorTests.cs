using System.Text.Json.Nodes;
using FilePipeline.Functions.Runtime;

namespace FilePipeline.Functions.Tests.Runtime;

public sealed class LambdaErrorTests
{
    [Fact]
    public void The_error_type_is_the_exception_short_type_name()
    {
        var error = LambdaError.From(new TimeoutException("too slow"));

        Assert.Equal("TimeoutException", error.ErrorType);
        Assert.Equal("too slow", error.ErrorMessage);
    }

    [Fact]
    public void A_huge_error_is_cut_to_256_KB_keeping_its_type()
    {
        var error = new LambdaError(new string('é', 400_000), "CsvFormatException", [.. Enumerable.Repeat("at Somewhere()", 10_000)]);

        var body = error.ToJsonBody();

        Assert.InRange(body.Length, 1, LambdaError.MaxBodyBytes);
        var json = JsonNode.Parse(body)!;
        Assert.Equal("CsvFormatException", (string?)json["errorType"]);
        Assert.EndsWith("[truncated]", (string?)json["errorMessage"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_big_stack_trace_is_dropped_before_the_message_is_cut()
    {
        var error = new LambdaError("short message", "X", [.. Enumerable.Repeat(new string('f', 100), 5_000)]);

        var json = JsonNode.Parse(error.ToJsonBody())!;

        Assert.Equal("short message", (string?)json["errorMessage"]);
        Assert.Empty(json["stackTrace"]!.AsArray());
    }

    [Fact]
    public void An_error_within_the_limit_is_written_whole()
    {
        var json = JsonNode.Parse(new LambdaError("m", "T", ["a", "b"]).ToJsonBody())!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"errorMessage":"m","errorType":"T","stackTrace":["a","b"]}"""), json));
    }
}
