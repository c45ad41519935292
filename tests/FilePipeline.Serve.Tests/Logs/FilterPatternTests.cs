using FilePipeline.Serve.Logs;
using FilePipeline.Serve.Protocol;

namespace FilePipeline.Serve.Tests.Logs;

public sealed class FilterPatternTests
{
    private const string Line = """{"timestamp":"2026-12-06T07:00:00.000Z","level":"ERROR","message":"The execution ended FAILED","rows":12,"file":{"key":"in/orders.csv"},"tags":["a","b"],"retry":null,"final":true}""";

    [Theory]
    [InlineData("", true)]
    [InlineData("ERROR", true)]
    [InlineData("ERROR FAILED", true)]
    [InlineData("ERROR SUCCEEDED", false)]
    [InlineData("error", false)]
    [InlineData("\"execution ended\"", true)]
    [InlineData("?SUCCEEDED ?FAILED", true)]
    [InlineData("?SUCCEEDED ?TIMED_OUT", false)]
    [InlineData("ERROR -orders", false)]
    [InlineData("ERROR -invoices", true)]
    [InlineData("%ended [A-Z]+\"%", true)]
    [InlineData("%^ERROR%", false)]
    public void Term_and_regex_patterns(string pattern, bool matches) =>
        Assert.Equal(matches, FilterPattern.Parse(pattern).Matches(Line));

    [Theory]
    [InlineData("""{ $.level = "ERROR" }""", true)]
    [InlineData("""{ $.level = ERROR }""", true)]
    [InlineData("""{ $.level != "ERROR" }""", false)]
    [InlineData("""{ $.file.key = "in/*" }""", true)]
    [InlineData("""{ $.file.key = "out/*" }""", false)]
    [InlineData("""{ $.rows > 10 }""", true)]
    [InlineData("""{ $.rows <= 11 }""", false)]
    [InlineData("""{ $.rows = 12 && $.level = "ERROR" }""", true)]
    [InlineData("""{ $.rows = 1 || ($.tags[1] = "b" && $.final IS TRUE) }""", true)]
    [InlineData("""{ $.retry IS NULL }""", true)]
    [InlineData("""{ $.missing NOT EXISTS }""", true)]
    [InlineData("""{ $.level NOT EXISTS }""", false)]
    [InlineData("""{ $.missing = "x" }""", false)]
    public void Json_patterns(string pattern, bool matches) =>
        Assert.Equal(matches, FilterPattern.Parse(pattern).Matches(Line));

    [Fact]
    public void A_json_pattern_does_not_match_a_line_that_is_not_json() =>
        Assert.False(FilterPattern.Parse("""{ $.level = "ERROR" }""").Matches("ERROR plain text"));

    [Theory]
    [InlineData("""{ $.level = }""")]
    [InlineData("""{ level = "ERROR" }""")]
    [InlineData("""{ $.rows > "ten" }""")]
    [InlineData("\"unclosed")]
    [InlineData("[ip, user]")]
    public void Unreadable_patterns_are_InvalidParameterException(string pattern)
    {
        var error = Assert.Throws<AwsErrorException>(() => FilterPattern.Parse(pattern));
        Assert.Equal("InvalidParameterException", error.Code);
    }
}
