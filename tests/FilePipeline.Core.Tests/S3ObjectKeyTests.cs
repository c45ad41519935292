using FilePipeline.Core;
using FilePipeline.Core.Errors;

namespace FilePipeline.Core.Tests;

// S3 event notifications carry the key URL-encoded as in an HTML form: "+" for a space.
public class S3ObjectKeyTests
{
    [Theory]
    [InlineData("plain/key.csv", "plain/key.csv")]
    [InlineData("my+file.csv", "my file.csv")]
    [InlineData("a%2Bb.csv", "a+b.csv")]
    [InlineData("a%2bb.csv", "a+b.csv")]
    [InlineData("a%20b+c.csv", "a b c.csv")]
    [InlineData("caf%C3%A9.csv", "café.csv")]
    [InlineData("%E5%90%8D%E5%89%8D.csv", "名前.csv")]
    [InlineData("emoji%F0%9F%98%80.csv", "emoji😀.csv")]
    [InlineData("already-unicode-é+x.csv", "already-unicode-é x.csv")]
    [InlineData("%25literal-percent.csv", "%literal-percent.csv")]
    [InlineData("folder%2Fnested.csv", "folder/nested.csv")]
    [InlineData("", "")]
    public void Decode_turns_an_event_key_into_the_stored_key(string eventKey, string expected)
    {
        Assert.Equal(expected, S3ObjectKey.Decode(eventKey));
    }

    [Theory]
    [InlineData("trailing%")]
    [InlineData("short%2")]
    [InlineData("bad%zz.csv")]
    [InlineData("bad%g1.csv")]
    public void Decode_rejects_a_percent_not_followed_by_two_hex_digits(string eventKey)
    {
        var error = Assert.Throws<InvalidObjectKeyException>(() => S3ObjectKey.Decode(eventKey));
        Assert.Equal(eventKey, error.EncodedKey);
        Assert.Contains("two hex digits", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%FF.csv")]
    [InlineData("%C3%28.csv")]
    [InlineData("cut%C3")]
    [InlineData("%ED%A0%80.csv")]
    public void Decode_rejects_escapes_that_are_not_utf8(string eventKey)
    {
        var error = Assert.Throws<InvalidObjectKeyException>(() => S3ObjectKey.Decode(eventKey));
        Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_rejects_an_unpaired_surrogate_with_the_contract_exception()
    {
        Assert.Throws<InvalidObjectKeyException>(() => S3ObjectKey.Decode("x\uD800+y"));
    }

    [Fact]
    public void An_invalid_key_is_a_permanent_failure()
    {
        Assert.True(new InvalidObjectKeyException("k", "r").IsPermanent);
    }
}
