namespace FilePipeline.States.Tests.Intrinsics;

public class JsonMergeFunctionTests
{
    private const string Input = """{"json1":{"a":{"a1":1,"a2":2},"b":2},"json2":{"a":{"a3":1,"a4":2},"c":3}}""";

    [Fact]
    public void A_shallow_merge_replaces_shared_keys_whole_as_in_the_AWS_example()
    {
        var result = Intrinsic.Evaluate("States.JsonMerge($.json1, $.json2, false)", Input);

        Intrinsic.AssertJson("""{"a":{"a3":1,"a4":2},"b":2,"c":3}""", result);
    }

    [Fact]
    public void Merging_leaves_the_input_objects_untouched()
    {
        var resolve = Intrinsic.Resolver(System.Text.Json.Nodes.JsonNode.Parse(Input), null);
        var before = resolve("$")!.ToJsonString();

        FilePipeline.States.Intrinsics.IntrinsicFunctions.Evaluate("States.JsonMerge($.json1, $.json2, false)", resolve);

        Assert.Equal(before, resolve("$")!.ToJsonString());
    }

    [Fact]
    public void Deep_merging_is_rejected_as_AWS_supports_only_shallow_mode()
    {
        var failure = Intrinsic.Fails("States.JsonMerge($.json1, $.json2, true)", Input);

        Assert.Contains("deep", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("States.JsonMerge($.json1, $.json2)")]
    [InlineData("States.JsonMerge($.json1, States.Array(), false)")]
    [InlineData("States.JsonMerge($.json1, $.json2, 'false')")]
    public void A_missing_flag_a_non_object_or_a_non_boolean_flag_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression, Input);
    }
}
