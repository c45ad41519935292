namespace FilePipeline.States.Tests.Intrinsics;

public class JsonToStringFunctionTests
{
    [Fact]
    public void An_object_becomes_compact_JSON_text_as_in_the_AWS_example()
    {
        var result = Intrinsic.Evaluate("States.JsonToString($.unescapedJson)", """{"unescapedJson":{"foo": "bar"}}""");

        Intrinsic.AssertJson("\"{\\\"foo\\\":\\\"bar\\\"}\"", result);
    }

    [Fact]
    public void The_ASL_spec_example_keeps_key_order_and_numbers()
    {
        var result = Intrinsic.Evaluate("States.JsonToString($.someJson)", """{"someJson":{"name":"Foo","year":2020},"zebra":"stripe"}""");

        Assert.Equal("{\"name\":\"Foo\",\"year\":2020}", result!.GetValue<string>());
    }

    [Fact]
    public void Non_ASCII_text_is_kept_rather_than_escaped()
    {
        var result = Intrinsic.Evaluate("States.JsonToString($.v)", """{"v":{"city":"Zürich <&>"}}""");

        Assert.Equal("{\"city\":\"Zürich <&>\"}", result!.GetValue<string>());
    }

    [Fact]
    public void Scalars_are_written_as_JSON()
    {
        Assert.Equal("\"text\"", Intrinsic.Evaluate("States.JsonToString('text')")!.GetValue<string>());
        Assert.Equal("null", Intrinsic.Evaluate("States.JsonToString(null)")!.GetValue<string>());
    }

    [Fact]
    public void A_wrong_argument_count_is_an_intrinsic_failure()
    {
        Intrinsic.Fails("States.JsonToString()");
    }
}
