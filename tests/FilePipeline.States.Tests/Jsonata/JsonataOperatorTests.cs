namespace FilePipeline.States.Tests.Jsonata;

public class JsonataOperatorTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("7 % 3", "1")]
    [InlineData("-7 % 3", "-1")]
    [InlineData("1 / 4", "0.25")]
    [InlineData("-(2 + 3)", "-5")]
    [InlineData("0.1 + 0.2", "0.30000000000000004")]
    [InlineData("'a' & 1 & true & null", "\"a1truenull\"")]
    [InlineData("'a' & missing", "\"a\"")]
    [InlineData("[1..4]", "[1,2,3,4]")]
    [InlineData("[3..1]", "[]")]
    [InlineData("2 in [1, 2]", "true")]
    [InlineData("'b' in 'abc'", "false")]
    public void Arithmetic_concatenation_ranges_and_membership(string expression, string expected) =>
        JsonataAssert.Yields(expected, expression);

    [Theory]
    [InlineData("1 < 2", "true")]
    [InlineData("'a' < 'b'", "true")]
    [InlineData("2 >= 2", "true")]
    [InlineData("1 = 1.0", "true")]
    [InlineData("[1, {'a': 2}] = [1, {'a': 2}]", "true")]
    [InlineData("'1' = 1", "false")]
    [InlineData("missing = missing", "false")]
    [InlineData("missing != 1", "false")]
    [InlineData("true and 'x'", "true")]
    [InlineData("false or []", "false")]
    [InlineData("missing or 0", "false")]
    public void Comparisons_and_boolean_operators(string expression, string expected) =>
        JsonataAssert.Yields(expected, expression);

    [Theory]
    [InlineData("missing < 1")]
    [InlineData("1 + missing")]
    [InlineData("-missing")]
    public void An_undefined_operand_makes_the_result_undefined(string expression) =>
        JsonataAssert.Yields("undefined", expression);

    [Theory]
    [InlineData("T2001", "'a' + 1")]
    [InlineData("T2002", "1 * true")]
    [InlineData("T2009", "1 < 'a'")]
    [InlineData("T2010", "{} > 1")]
    [InlineData("T2003", "[1.5..3]")]
    [InlineData("D1002", "-'a'")]
    [InlineData("D2014", "[1..20000000]")]
    public void Type_errors_carry_the_reference_codes(string code, string expression) =>
        JsonataAssert.Fails(code, expression);

    [Fact]
    public void Conditionals_default_and_coalescing_operators()
    {
        JsonataAssert.Yields("\"big\"", "n > 5 ? 'big' : 'small'", """{"n": 9}""");
        JsonataAssert.Yields("undefined", "n > 50 ? 'big'", """{"n": 9}""");
        JsonataAssert.Yields("\"none\"", "name ?: 'none'", """{"name": ""}""");
        JsonataAssert.Yields("\"\"", "name ?? 'none'", """{"name": ""}""");
        JsonataAssert.Yields("null", "n ?? 'none'", """{"n": null}""");
        JsonataAssert.Yields("\"none\"", "missing ?? 'none'", """{"n": null}""");
    }

    // The reference returns Infinity to JavaScript callers (JSON.stringify writes null); a JSON API cannot.
    [Fact]
    public void Infinity_never_leaves_an_evaluation()
    {
        JsonataAssert.Fails("D1001", "1/0 + 1");
        JsonataAssert.Fails("D1001", "1/0");
        JsonataAssert.Fails("D3001", "$string(1/0)");
    }
}
