namespace FilePipeline.States.Tests.Intrinsics;

public class FormatFunctionTests
{
    [Fact]
    public void Format_with_a_literal_template_matches_the_AWS_example()
    {
        var result = Intrinsic.Evaluate("States.Format('Hello, my name is {}.', $.name)", """{"name":"Arnav","template":"Hello, my name is {}."}""");

        Intrinsic.AssertJson("\"Hello, my name is Arnav.\"", result);
    }

    [Fact]
    public void Format_with_a_template_from_a_path_matches_the_AWS_example()
    {
        var result = Intrinsic.Evaluate("States.Format($.template, $.name)", """{"name":"Arnav","template":"Hello, my name is {}."}""");

        Intrinsic.AssertJson("\"Hello, my name is Arnav.\"", result);
    }

    [Fact]
    public void Format_renders_numbers_booleans_and_null_in_their_natural_form_as_in_the_ASL_spec()
    {
        var result = Intrinsic.Evaluate("States.Format('Your name is {}, we are in the year {}', $.name, 2020)", """{"name":"Foo","zebra":"stripe"}""");
        var mixed = Intrinsic.Evaluate("States.Format('{}|{}|{}|{}', 1.50, true, null, $.n)", """{"n":-7}""");

        Intrinsic.AssertJson("\"Your name is Foo, we are in the year 2020\"", result);
        Intrinsic.AssertJson("\"1.50|true|null|-7\"", mixed);
    }

    [Fact]
    public void Escaped_quote_in_the_template_becomes_a_quote_as_in_the_AWS_example()
    {
        var result = Intrinsic.Evaluate(@"States.Format('Welcome to {} {}\'s playlist.', $.firstName, $.lastName)", """{"firstName":"John","lastName":"Doe"}""");

        Intrinsic.AssertJson("\"Welcome to John Doe's playlist.\"", result);
    }

    [Fact]
    public void Escaped_braces_are_literal_text_and_not_a_placeholder()
    {
        var result = Intrinsic.Evaluate(@"States.Format('\{}{} and \{\} \\', 'x')");

        Intrinsic.AssertJson(@"""{}x and {} \\""", result);
    }

    [Fact]
    public void A_template_without_placeholders_is_returned_unchanged()
    {
        Intrinsic.AssertJson("\"plain\"", Intrinsic.Evaluate("States.Format('plain')"));
    }

    [Theory]
    [InlineData("States.Format('{} {}', 'one')")]
    [InlineData("States.Format('{}', 'one', 'two')")]
    [InlineData("States.Format('none', 'extra')")]
    public void A_placeholder_count_different_from_the_value_count_is_an_intrinsic_failure(string expression)
    {
        var failure = Intrinsic.Fails(expression);

        Assert.Contains("placeholder", failure.Message, StringComparison.Ordinal);
    }

    // Recorded on AWS: localstack/localstack tests/aws/services/stepfunctions/v2/intrinsic_functions/test_generic.snapshot.json
    // (test_format_2 prints {"Arg1": 1, "Arg2": []} as {Arg1=1, Arg2=[]}; test_context_json_path prints $$.StateMachine as {Id=…, Name=…}).
    [Theory]
    [InlineData("""{"v":{"k":1,"list":[]}}""", "<{k=1, list=[]}>")]
    [InlineData("""{"v":["a",2,null,{"s":"t"}]}""", "<[a, 2, null, {s=t}]>")]
    [InlineData("""{"v":""}""", "<>")]
    [InlineData("""{"v":" "}""", "< >")]
    [InlineData("""{"v":null}""", "<null>")]
    [InlineData("""{"v":1.1}""", "<1.1>")]
    public void Objects_arrays_and_empty_strings_format_as_AWS_prints_them(string input, string expected)
    {
        Assert.Equal(expected, Intrinsic.Evaluate("States.Format('<{}>', $.v)", input)!.GetValue<string>());
    }

    [Fact]
    public void A_non_string_template_is_an_intrinsic_failure()
    {
        Intrinsic.Fails("States.Format($.number)", """{"number":5}""");
    }

    [Fact]
    public void Format_without_arguments_is_an_intrinsic_failure()
    {
        Intrinsic.Fails("States.Format()");
    }
}
