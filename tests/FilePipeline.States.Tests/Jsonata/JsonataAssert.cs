using System.Text.Json.Nodes;
using FilePipeline.States.Jsonata;

namespace FilePipeline.States.Tests.Jsonata;

/// <summary>Evaluates an expression and compares the result with expected JSON (or "undefined", or an error code).</summary>
internal static class JsonataAssert
{
    public static string Evaluate(string expression, string? inputJson = null, JsonataBindings? bindings = null)
    {
        var input = inputJson is null ? JsonataResult.Undefined : JsonataResult.Of(JsonNode.Parse(inputJson));
        return JsonataExpression.Compile(expression).Evaluate(input, bindings).ToString();
    }

    public static void Yields(string expected, string expression, string? inputJson = null, JsonataBindings? bindings = null)
    {
        var actual = Evaluate(expression, inputJson, bindings);
        Assert.True(
            expected == "undefined" ? actual == "undefined" : actual != "undefined" && JsonEquivalence.AreEquivalent(JsonNode.Parse(expected), JsonNode.Parse(actual)),
            $"{expression}: expected {expected}, got {actual}");
    }

    public static JsonataException Fails(string code, string expression, string? inputJson = null, JsonataBindings? bindings = null)
    {
        var error = Assert.Throws<JsonataException>(() => Evaluate(expression, inputJson, bindings));
        Assert.Equal(code, error.Code);
        return error;
    }
}
