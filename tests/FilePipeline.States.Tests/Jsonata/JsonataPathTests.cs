namespace FilePipeline.States.Tests.Jsonata;

public class JsonataPathTests
{
    private const string Shop = """
        {"name": "shop", "orders": [
          {"id": 1, "items": [{"sku": "a", "price": 2}, {"sku": "b", "price": 3}], "tags": ["x"]},
          {"id": 2, "items": [{"sku": "c", "price": 5}], "tags": []},
          {"id": 3, "items": []}
        ]}
        """;

    [Theory]
    [InlineData("name", "\"shop\"")]
    [InlineData("orders.id", "[1,2,3]")]
    [InlineData("orders.items.sku", """["a","b","c"]""")]
    [InlineData("orders[0].items[1].price", "3")]
    [InlineData("orders[-1].id", "3")]
    [InlineData("orders[id > 1].id", "[2,3]")]
    [InlineData("orders[$max(items.price) > 4].id", "2")]
    [InlineData("orders.items[0].sku", """["a","c"]""")]
    [InlineData("(orders.items)[0].sku", "\"a\"")]
    [InlineData("orders[[0,2]].id", "[1,3]")]
    [InlineData("orders.tags", "\"x\"")]
    [InlineData("`orders`[0].`id`", "1")]
    public void Paths_map_over_arrays_and_flatten_the_results(string expression, string expected) =>
        JsonataAssert.Yields(expected, expression, Shop);

    [Theory]
    [InlineData("missing")]
    [InlineData("orders.missing")]
    [InlineData("orders[id = 9]")]
    [InlineData("name.first")]
    public void A_path_that_matches_nothing_is_undefined_not_null(string expression) =>
        JsonataAssert.Yields("undefined", expression, Shop);

    [Fact]
    public void A_single_match_is_a_value_unless_the_path_asks_to_keep_arrays()
    {
        JsonataAssert.Yields("2", "orders[id = 2].id", Shop);
        JsonataAssert.Yields("[2]", "orders[id = 2].id[]", Shop);
        JsonataAssert.Yields("[\"x\"]", "orders[0].tags", Shop);
    }

    [Fact]
    public void Json_null_is_a_value_distinct_from_undefined()
    {
        JsonataAssert.Yields("null", "a", """{"a": null}""");
        JsonataAssert.Yields("undefined", "b", """{"a": null}""");
        JsonataAssert.Yields("true", "$exists(a)", """{"a": null}""");
    }

    [Fact]
    public void Wildcards_and_descendants_collect_values()
    {
        JsonataAssert.Yields("[1, 2]", "*", """{"a": 1, "b": 2}""");
        JsonataAssert.Yields("""["a","b","c"]""", "**.sku", Shop);
    }

    [Fact]
    public void Index_and_focus_bindings_and_the_parent_operator_carry_context_along_a_path()
    {
        JsonataAssert.Yields("""["0:1","1:2","2:3"]""", "orders#$i.($string($i) & ':' & $string(id))", Shop);
        JsonataAssert.Yields("""[{"o":1,"s":"a"},{"o":1,"s":"b"},{"o":2,"s":"c"}]""", "orders@$o.$o.items.{'o': $o.id, 's': sku}", Shop);
        JsonataAssert.Yields("""[1,1,2]""", "orders.items.%.id", Shop);
    }

    [Fact]
    public void The_root_and_context_variables_refer_to_the_input()
    {
        JsonataAssert.Yields("[\"shop\",\"shop\",\"shop\"]", "orders.$$.name", Shop);
        JsonataAssert.Yields("[1,2,3]", "$.orders.id", Shop);
        JsonataAssert.Yields("[2,3]", "$[$ > 1]", "[1,2,3]");
    }

    [Fact]
    public void Array_constructors_keep_their_arrays_inside_paths()
    {
        JsonataAssert.Yields("[[1,\"shop\"],[2,\"shop\"],[3,\"shop\"]]", "orders.[id, $$.name]", Shop);
        JsonataAssert.Yields("[1,2,[3,4]]", "[1, 2, [3, 4]]");
        JsonataAssert.Yields("[1,2,3,4]", "[[1, 2], [3, 4]].$", null);
    }
}
