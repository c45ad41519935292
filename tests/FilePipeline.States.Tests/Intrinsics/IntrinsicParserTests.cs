using System.Text.Json.Nodes;
using FilePipeline.States.Intrinsics;

namespace FilePipeline.States.Tests.Intrinsics;

public class IntrinsicParserTests
{
    [Fact]
    public void Whitespace_between_tokens_is_ignored()
    {
        Intrinsic.AssertJson("""[1,"a",2]""", Intrinsic.Evaluate("States.Array(  1 ,\n'a'\t, $.x )", """{"x":2}"""));
    }

    [Fact]
    public void Commas_and_parentheses_inside_a_string_literal_are_text()
    {
        Intrinsic.AssertJson("""["a,b)","(c"]""", Intrinsic.Evaluate("States.Array('a,b)', '(c')"));
    }

    [Fact]
    public void The_four_documented_escapes_give_their_characters()
    {
        Intrinsic.AssertJson("""["'","{","}","\\","it's {x} \\ ok"]""",
            Intrinsic.Evaluate(@"States.Array('\'', '\{', '\}', '\\', 'it\'s \{x\} \\ ok')"));
    }

    [Theory]
    [InlineData(@"States.Array('a\nb')")]
    [InlineData("States.Array('a\\')")]
    [InlineData(@"States.Array('abc)")]
    public void An_open_escape_or_an_unterminated_string_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression);
    }

    [Fact]
    public void Numbers_booleans_and_null_are_JSON_literals()
    {
        Intrinsic.AssertJson("[-1,0,1.5,1e3,2.5E-1,true,false,null]", Intrinsic.Evaluate("States.Array(-1, 0, 1.5, 1e3, 2.5E-1, true, false, null)"));
    }

    [Theory]
    [InlineData("States.Array(01)")]
    [InlineData("States.Array(1.)")]
    [InlineData("States.Array(.5)")]
    [InlineData("States.Array(1e)")]
    [InlineData("States.Array(--1)")]
    [InlineData("States.Array(1a)")]
    [InlineData("States.Array(True)")]
    [InlineData("States.Array(\"text\")")]
    public void Malformed_literals_are_intrinsic_failures(string expression)
    {
        Intrinsic.Fails(expression);
    }

    [Fact]
    public void Context_object_paths_are_resolved_by_the_engine()
    {
        var result = Intrinsic.Evaluate("States.Format('{} ran {}', $$.Execution.Name, $.step)", """{"step":"load"}""", context: """{"Execution":{"Name":"run-1"}}""");

        Intrinsic.AssertJson("\"run-1 ran load\"", result);
    }

    [Fact]
    public void Paths_with_brackets_quotes_and_filters_reach_the_resolver_verbatim()
    {
        var seen = new List<string>();

        IntrinsicFunctions.Evaluate("States.Array($.a['x,y'], $.b[?(@.c == 'd)')], $, $$.Map.Item.Value )", path =>
        {
            seen.Add(path);
            return JsonValue.Create(1);
        });

        Assert.Equal(["$.a['x,y']", "$.b[?(@.c == 'd)')]", "$", "$$.Map.Item.Value"], seen);
    }

    [Fact]
    public void The_engines_path_error_propagates_unchanged()
    {
        Assert.Throws<PathNotFoundException>(() => Intrinsic.Evaluate("States.Array($.missing)"));
    }

    [Theory]
    [InlineData("States.Unknown(1)")]
    [InlineData("States.array(1)")]
    [InlineData("states.Array(1)")]
    [InlineData("States.UUID")]
    [InlineData("States.UUID() extra")]
    [InlineData("States.UUID()()")]
    [InlineData("States.Array(1,)")]
    [InlineData("States.Array(,1)")]
    [InlineData("States.Array(1 2)")]
    [InlineData("States.Array(1")]
    [InlineData("States.Array($.a")]
    [InlineData("States.Array($.a[0)")]
    [InlineData("States.Array(States.UUID)")]
    [InlineData("")]
    public void Malformed_invocations_are_intrinsic_failures(string expression)
    {
        Intrinsic.Fails(expression, """{"a":[1]}""");
    }

    [Fact]
    public void An_unknown_function_is_named_in_the_failure()
    {
        var failure = Intrinsic.Fails("States.Unknown(1)");

        Assert.Contains("States.Unknown", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_functions_in_one_field_are_allowed_and_eleven_are_an_intrinsic_failure()
    {
        const string Ten = "States.Array(States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID())";
        const string Eleven = "States.Array(States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID(), States.UUID())";

        Assert.Equal(9, Intrinsic.Evaluate(Ten)!.AsArray().Count);
        Assert.Contains("10", Intrinsic.Fails(Eleven).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_argument_count_names_the_expected_arity()
    {
        var failure = Intrinsic.Fails("States.MathAdd(1)");

        Assert.Equal("States.MathAdd takes exactly 2 arguments, but 1 was given.", failure.Message);
    }

    [Fact]
    public void A_wrong_argument_type_names_the_function_position_and_expected_type()
    {
        var failure = Intrinsic.Fails("States.ArrayLength('abc')");

        Assert.Equal("States.ArrayLength: argument 1 must be an array, but was \"abc\".", failure.Message);
    }
}
