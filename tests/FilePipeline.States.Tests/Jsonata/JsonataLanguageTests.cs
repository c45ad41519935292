namespace FilePipeline.States.Tests.Jsonata;

public class JsonataLanguageTests
{
    private const string Sales = """
        {"sales": [
          {"region": "north", "product": "a", "amount": 10},
          {"region": "south", "product": "b", "amount": 5},
          {"region": "north", "product": "b", "amount": 7}
        ]}
        """;

    [Fact]
    public void Object_constructors_build_and_group()
    {
        JsonataAssert.Yields("""{"north": 17, "south": 5}""", "sales{region: $sum(amount)}", Sales);
        JsonataAssert.Yields("""{"north": ["a", "b"], "south": "b"}""", "sales{region: product}", Sales);
        JsonataAssert.Yields("""[{"p":"a","x":20},{"p":"b","x":10},{"p":"b","x":14}]""", "sales.{'p': product, 'x': amount * 2}", Sales);
        JsonataAssert.Yields("{}", "{}", null);
        JsonataAssert.Fails("T1003", "{1: 2}");
        JsonataAssert.Fails("D1009", "sales{region: 1, 'north': 2}", Sales);
    }

    [Fact]
    public void Order_by_sorts_stably_on_several_terms()
    {
        JsonataAssert.Yields("[10,7,5]", "sales^(>amount).amount", Sales);
        JsonataAssert.Yields("""["a","b","b"]""", "sales^(region, product).product", Sales);
        JsonataAssert.Fails("T2007", "[{'k': 1}, {'k': 'a'}]^(k)");
    }

    [Fact]
    public void Lambdas_close_over_their_scope_and_recurse_in_tail_position_without_growing_the_stack()
    {
        JsonataAssert.Yields("120", "($f := function($n){ $n <= 1 ? 1 : $n * $f($n - 1) }; $f(5))");
        JsonataAssert.Yields("[11,12]", "($add := function($x){ function($y){ $x + $y } }; $plus10 := $add(10); [$plus10(1), $plus10(2)])");
        JsonataAssert.Yields("100000", "($count := function($n, $acc){ $n = 0 ? $acc : $count($n - 1, $acc + 1) }; $count(100000, 0))");
    }

    [Fact]
    public void Partial_application_and_chaining()
    {
        JsonataAssert.Yields("\"hel\"", "($first3 := $substring(?, 0, 3); $first3('hello'))");
        JsonataAssert.Yields("\"HELLO\"", "'hello' ~> $uppercase()");
        JsonataAssert.Yields("\"OLLEH\"", "($rev := function($s){ $join($reverse($split($s, ''))) }; $shout := $rev ~> $uppercase; $shout('hello'))");
        JsonataAssert.Fails("T2006", "1 ~> 2");
        JsonataAssert.Fails("T1006", "$nothing(1)");
        JsonataAssert.Fails("T1005", "uppercase('a')");
    }

    [Fact]
    public void Signatures_validate_and_default_lambda_arguments()
    {
        JsonataAssert.Yields("6", "function($a, $b)<nn:n>{ $a * $b }(2, 3)");
        JsonataAssert.Fails("T0410", "function($a)<n:n>{ $a }('x')");
        JsonataAssert.Yields("4", "function($a)<n-:n>{ $a * 2 }()", "2");
    }

    [Fact]
    public void Transforms_copy_and_update_matching_objects()
    {
        var input = """{"items": [{"id": 1, "secret": "x"}, {"id": 2, "secret": "y"}]}""";
        JsonataAssert.Yields("""{"items": [{"id": 1, "seen": true}, {"id": 2, "seen": true}]}""", "$ ~> |items|{'seen': true}, 'secret'|", input);
        JsonataAssert.Yields("""[{"id": 1, "secret": "x"}, {"id": 2, "secret": "y"}]""", "($ ~> |items|{'seen': true}|; items)", input);
        JsonataAssert.Fails("T2011", "$ ~> |items|5|", input);
    }

    [Fact]
    public void Blocks_scope_their_variables()
    {
        JsonataAssert.Yields("[1,2]", "($x := 1; [($x := 2; $x) - 1, ($x := 2; $x)])");
        JsonataAssert.Yields("1", "($x := 1; ($x := 5); $x)");
        JsonataAssert.Yields("3", "/* a comment */ 1 + /* another */ 2");
    }

    [Theory]
    [InlineData("S0201", "1 2")]
    [InlineData("S0202", "[1, 2 3]")]
    [InlineData("S0203", "(1")]
    [InlineData("S0101", "'open")]
    [InlineData("S0102", "1e999")]
    [InlineData("S0204", "1 ! 2")]
    [InlineData("S0211", "]")]
    [InlineData("S0212", "1 := 2")]
    [InlineData("S0208", "function(a){1}")]
    [InlineData("S0302", "/abc")]
    [InlineData("S0106", "1 /* unterminated")]
    [InlineData("S0213", "a.2")]
    public void Syntax_errors_are_reported_at_compile_time_with_reference_codes(string code, string expression)
    {
        var error = Assert.Throws<FilePipeline.States.Jsonata.JsonataException>(() => FilePipeline.States.Jsonata.JsonataExpression.Compile(expression));
        Assert.Equal(code, error.Code);
        Assert.NotNull(error.Position);
    }
}
