using System.Text.Json.Nodes;
using FilePipeline.States.Jsonata;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.States.Tests.Jsonata;

public class JsonataApiTests
{
    [Fact]
    public void A_compiled_expression_evaluates_many_inputs()
    {
        var expression = JsonataExpression.Compile("a * 2");

        Assert.Equal("2", expression.Evaluate(JsonNode.Parse("""{"a": 1}""")).ToString());
        Assert.Equal("10", expression.Evaluate(JsonNode.Parse("""{"a": 5}""")).ToString());
        Assert.Equal("a * 2", expression.Text);
    }

    [Fact]
    public void Results_tell_undefined_from_json_null()
    {
        var undefined = JsonataExpression.Compile("missing").Evaluate(JsonNode.Parse("{}"));
        var nullResult = JsonataExpression.Compile("null").Evaluate(JsonNode.Parse("{}"));

        Assert.True(undefined.IsUndefined);
        Assert.Equal(JsonataResult.Undefined, undefined);
        Assert.False(nullResult.IsUndefined);
        Assert.Null(nullResult.Value);
        Assert.Equal(JsonataResult.Of(null), nullResult);
        Assert.NotEqual(undefined, nullResult);
    }

    [Fact]
    public void A_json_array_input_is_one_value_whose_items_paths_map_over()
    {
        var input = JsonNode.Parse("""[{"a": 1}, {"a": 2}]""");

        Assert.Equal("[1,2]", JsonataExpression.Compile("a").Evaluate(input).ToString());
        Assert.Equal("2", JsonataExpression.Compile("$count($)").Evaluate(input).ToString());
    }

    [Fact]
    public void Evaluation_leaves_the_input_unchanged()
    {
        var input = JsonNode.Parse("""{"items": [{"id": 1}]}""")!;

        JsonataExpression.Compile("$ ~> |items|{'x': 1}|").Evaluate(input);

        Assert.Equal("""{"items":[{"id":1}]}""", input.ToJsonString());
    }

    [Fact]
    public void Bound_variables_and_functions_are_visible_as_dollar_names()
    {
        var bindings = JsonataBindings.Empty
            .WithVariable("states", JsonNode.Parse("""{"input": {"n": 20}}"""))
            .WithFunction("twice", "<n:n>", args => JsonataResult.Of(JsonValue.Create(args[0].Value!.GetValue<double>() * 2)));

        var result = JsonataExpression.Compile("$twice($states.input.n) + 2").Evaluate(JsonNode.Parse("{}"), bindings);

        Assert.Equal("42", result.ToString());
    }

    [Fact]
    public void Bound_functions_get_undefined_for_missing_arguments_and_signature_checks()
    {
        var bindings = JsonataBindings.Empty.WithFunction("describe", null, args => JsonataResult.Of(JsonValue.Create(args.Count + ":" + args[0].IsUndefined)));
        var typed = JsonataBindings.Empty.WithFunction("half", "<n:n>", args => args[0]);

        Assert.Equal("\"1:True\"", JsonataExpression.Compile("$describe(missing)").Evaluate(JsonNode.Parse("{}"), bindings).ToString());
        Assert.Equal("T0410", Assert.Throws<JsonataException>(() => JsonataExpression.Compile("$half('x')").Evaluate(null, typed)).Code);
    }

    [Fact]
    public void A_bound_function_can_fail_with_its_own_error_code()
    {
        var bindings = JsonataBindings.Empty.WithFunction("fail", null, _ => throw new JsonataException("X0001", "custom failure"));

        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("$fail()").Evaluate(null, bindings));

        Assert.Equal("X0001", error.Code);
        Assert.Equal("custom failure", error.Message);
    }

    [Fact]
    public void Bindings_are_immutable()
    {
        var empty = JsonataBindings.Empty;
        var withX = empty.WithVariable("x", JsonValue.Create(1));

        Assert.Equal("undefined", JsonataExpression.Compile("$x").Evaluate(null, empty).ToString());
        Assert.Equal("1", JsonataExpression.Compile("$x").Evaluate(null, withX).ToString());
    }

    [Fact]
    public void Now_and_millis_read_the_given_clock_once_per_evaluation()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-02T03:04:05.678Z", System.Globalization.CultureInfo.InvariantCulture));
        var bindings = JsonataBindings.Empty.WithTimeProvider(clock);

        Assert.Equal("\"2026-01-02T03:04:05.678Z\"", JsonataExpression.Compile("$now()").Evaluate(null, bindings).ToString());
        Assert.Equal("1767323045678", JsonataExpression.Compile("$millis()").Evaluate(null, bindings).ToString());
        Assert.Equal("true", JsonataExpression.Compile("$millis() = $millis()").Evaluate(null, bindings).ToString());
    }

    [Fact]
    public void Syntax_errors_carry_a_code_position_and_readable_message()
    {
        var error = Assert.Throws<JsonataException>(() => JsonataExpression.Compile("a + (b"));

        Assert.Equal("S0203", error.Code);
        Assert.Equal(6, error.Position);
        Assert.Equal("Expected ) before end of expression", error.Message);
    }

    [Fact]
    public void Runaway_recursion_ends_in_an_error_not_a_crash()
    {
        var error = Assert.Throws<JsonataException>(() =>
            JsonataExpression.Compile("($f := function($n){ 1 + $f($n + 1) }; $f(0))").Evaluate(null));

        Assert.Equal("D1011", error.Code);
    }

    [Fact]
    public void A_depth_limit_stops_deep_recursion_early()
    {
        var bindings = JsonataBindings.Empty.WithDepthLimit(50);

        Assert.Equal("D1011", Assert.Throws<JsonataException>(() =>
            JsonataExpression.Compile("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(100))").Evaluate(null, bindings)).Code);
        Assert.Equal("3", JsonataExpression.Compile("($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(3))").Evaluate(null, bindings).ToString());
    }

    [Fact]
    public void An_endless_loop_ends_at_the_time_limit_measured_on_the_given_clock()
    {
        var clock = new FakeTimeProvider();
        var bindings = JsonataBindings.Empty.WithTimeProvider(clock).WithTimeLimit(TimeSpan.FromSeconds(5))
            .WithFunction("tick", null, _ =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(100));
                return JsonataResult.Of(JsonValue.Create(true));
            });

        var error = Assert.Throws<JsonataException>(() =>
            JsonataExpression.Compile("($loop := function(){ $tick() ? $loop() : 0 }; $loop())").Evaluate(null, bindings));

        Assert.Equal("D1012", error.Code);
    }

    [Fact]
    public void Evaluation_honours_cancellation()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() =>
            JsonataExpression.Compile("$map([1..5000], function($v){ $v })").Evaluate(null, null, cancellation.Token));
    }
}
