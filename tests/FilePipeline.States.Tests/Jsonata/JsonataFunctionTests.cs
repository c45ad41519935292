namespace FilePipeline.States.Tests.Jsonata;

public class JsonataFunctionTests
{
    [Theory]
    [InlineData("$string(1.5)", "\"1.5\"")]
    [InlineData("$string({'a': [1, null]})", "\"{\\\"a\\\":[1,null]}\"")]
    [InlineData("$string(1e21)", "\"1e+21\"")]
    [InlineData("$length('héllo😀')", "6")]
    [InlineData("$substring('hello', 1, 3)", "\"ell\"")]
    [InlineData("$substring('hello', -3)", "\"llo\"")]
    [InlineData("$substringBefore('a-b-c', '-')", "\"a\"")]
    [InlineData("$substringAfter('a-b-c', '-')", "\"b-c\"")]
    [InlineData("$uppercase('abc') & $lowercase('DEF')", "\"ABCdef\"")]
    [InlineData("$trim('  a \n b  ')", "\"a b\"")]
    [InlineData("$pad('7', -3, '0')", "\"007\"")]
    [InlineData("$contains('hello', 'ell')", "true")]
    [InlineData("$split('a,b,c', ',', 2)", "[\"a\",\"b\"]")]
    [InlineData("$join(['a', 'b'], '+')", "\"a+b\"")]
    [InlineData("$replace('hello', 'l', 'L', 1)", "\"heLlo\"")]
    [InlineData("$base64decode($base64encode('hi there'))", "\"hi there\"")]
    [InlineData("$encodeUrlComponent('a b&c')", "\"a%20b%26c\"")]
    [InlineData("$decodeUrl('a%20b')", "\"a b\"")]
    public void String_functions(string expression, string expected) => JsonataAssert.Yields(expected, expression);

    [Theory]
    [InlineData("$match('a1b22', /[0-9]+/).match", "[\"1\",\"22\"]")]
    [InlineData("$replace('John Smith', /(\\w+)\\s(\\w+)/, '$2, $1')", "\"Smith, John\"")]
    [InlineData("$contains('ABC', /b/i)", "true")]
    [InlineData("$split('a1b2c', /[0-9]/)", "[\"a\",\"b\",\"c\"]")]
    [InlineData("$replace('abc', /b/, function($m){ $uppercase($m.match) })", "\"aBc\"")]
    public void Regular_expressions(string expression, string expected) => JsonataAssert.Yields(expected, expression);

    [Theory]
    [InlineData("$number('0x1F')", "31")]
    [InlineData("$number('1e3')", "1000")]
    [InlineData("$round(2.5)", "2")]
    [InlineData("$round(3.5)", "4")]
    [InlineData("$round(1.235, 2)", "1.24")]
    [InlineData("$floor(-1.5) + $ceil(1.2) + $abs(-2)", "2")]
    [InlineData("$power(2, 10)", "1024")]
    [InlineData("$sqrt(16)", "4")]
    [InlineData("$formatNumber(1234.5, '#,##0.00')", "\"1,234.50\"")]
    [InlineData("$formatNumber(0.25, '0%')", "\"25%\"")]
    [InlineData("$formatBase(255, 16)", "\"ff\"")]
    [InlineData("$formatInteger(1999, 'I')", "\"MCMXCIX\"")]
    [InlineData("$formatInteger(21, 'w;o')", "\"twenty-first\"")]
    [InlineData("$parseInteger('twelve', 'w')", "12")]
    public void Numeric_functions(string expression, string expected) => JsonataAssert.Yields(expected, expression);

    [Theory]
    [InlineData("$sum(n)", "10")]
    [InlineData("$max(n)", "4")]
    [InlineData("$min(n)", "1")]
    [InlineData("$average(n)", "2.5")]
    [InlineData("$count(n)", "4")]
    [InlineData("$count(missing)", "0")]
    [InlineData("$max([])", "undefined")]
    public void Aggregation_functions(string expression, string expected) =>
        JsonataAssert.Yields(expected, expression, """{"n": [1, 2, 3, 4]}""");

    [Theory]
    [InlineData("$append([1], 2)", "[1,2]")]
    [InlineData("$reverse([1, 2, 3])", "[3,2,1]")]
    [InlineData("$sort([3, 1, 2])", "[1,2,3]")]
    [InlineData("$sort(['b', 'a'])", "[\"a\",\"b\"]")]
    [InlineData("$distinct([1, 1, {'a': 1}, {'a': 1}])", "[1,{\"a\":1}]")]
    [InlineData("$zip([1, 2], ['a', 'b', 'c'])", "[[1,\"a\"],[2,\"b\"]]")]
    [InlineData("$keys({'a': 1, 'b': 2})", "[\"a\",\"b\"]")]
    [InlineData("$lookup({'a': 1}, 'a')", "1")]
    [InlineData("$spread({'a': 1, 'b': 2})", "[{\"a\":1},{\"b\":2}]")]
    [InlineData("$merge([{'a': 1}, {'a': 2, 'b': 3}])", "{\"a\":2,\"b\":3}")]
    [InlineData("$type([]) & $type({}) & $type(null) & $type(1)", "\"arrayobjectnullnumber\"")]
    [InlineData("$boolean([0, ''])", "false")]
    [InlineData("$not('')", "true")]
    [InlineData("$exists(missing)", "false")]
    [InlineData("$count($shuffle([1, 2, 3]))", "3")]
    public void Array_object_and_boolean_functions(string expression, string expected) => JsonataAssert.Yields(expected, expression);

    [Theory]
    [InlineData("$map([1, 2, 3], function($v, $i){ $v * $i })", "[0,2,6]")]
    [InlineData("$filter([1, 2, 3, 4], function($v){ $v % 2 = 0 })", "[2,4]")]
    [InlineData("$reduce([1, 2, 3], function($a, $b){ $a + $b }, 10)", "16")]
    [InlineData("$single([1, 2, 3], function($v){ $v > 2 })", "3")]
    [InlineData("$sift({'a': 1, 'b': 0}, function($v){ $v })", "{\"a\":1}")]
    [InlineData("$each({'a': 1, 'b': 2}, function($v, $k){ $k & $v })", "[\"a1\",\"b2\"]")]
    [InlineData("$sort([{'n': 2}, {'n': 1}], function($a, $b){ $a.n > $b.n }).n", "[1,2]")]
    [InlineData("$map(['1', '2'], $number)", "[1,2]")]
    public void Higher_order_functions(string expression, string expected) => JsonataAssert.Yields(expected, expression);

    [Theory]
    [InlineData("D3138", "$single([1, 2])")]
    [InlineData("D3139", "$single([])")]
    [InlineData("D3050", "$reduce([1], function($a){ $a })")]
    [InlineData("D3070", "$sort([1, 'a'])")]
    [InlineData("D3030", "$number('abc')")]
    [InlineData("D3060", "$sqrt(-1)")]
    [InlineData("T0410", "$uppercase(1)")]
    [InlineData("T0411", "$uppercase()")]
    [InlineData("D3137", "$error('stop')")]
    [InlineData("D3141", "$assert(false, 'bad')")]
    [InlineData("D3120", "$eval('1 +')")]
    [InlineData("D3110", "$toMillis('yesterday')")]
    public void Function_errors_carry_the_reference_codes(string code, string expression) =>
        JsonataAssert.Fails(code, expression, "{}");

    [Fact]
    public void The_error_function_reports_the_given_message()
    {
        var error = JsonataAssert.Fails("D3137", "$error('Too expensive')");
        Assert.Equal("Too expensive", error.Message);
    }

    [Fact]
    public void Eval_evaluates_text_against_the_context_or_a_given_value()
    {
        JsonataAssert.Yields("3", "$eval('a + b')", """{"a": 1, "b": 2}""");
        JsonataAssert.Yields("[2,3]", "$eval('$[$ > 1]', [1, 2, 3])", "{}");
    }

    [Theory]
    [InlineData("$fromMillis(1510067557121)", "\"2017-11-07T15:12:37.121Z\"")]
    [InlineData("$fromMillis(1510067557121, '[Y0001]-[M01]-[D01] [H01]:[m01]')", "\"2017-11-07 15:12\"")]
    [InlineData("$fromMillis(1510067557121, '[FNn], [D1o] [MNn] [Y]')", "\"Tuesday, 7th November 2017\"")]
    [InlineData("$fromMillis(1510067557121, '[h]:[m01][P] [z]', '-0500')", "\"10:12am GMT-05:00\"")]
    [InlineData("$toMillis('2017-11-07T15:12:37.121Z')", "1510067557121")]
    [InlineData("$toMillis('2017-11-07')", "1510012800000")]
    [InlineData("$toMillis('07/11/2017', '[D01]/[M01]/[Y0001]')", "1510012800000")]
    public void Date_and_time_functions(string expression, string expected) => JsonataAssert.Yields(expected, expression);
}
