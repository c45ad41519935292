using System.Text.Json.Nodes;
using FilePipeline.Local.Table;
using FilePipeline.Local.Table.Expressions;

namespace FilePipeline.Local.Tests.Table;

public sealed class ExpressionParserTests
{
    private static ExpressionAttributes Attributes(string names = "{}", string values = "{}")
    {
        var request = new JsonObject();
        if (names != "{}")
        {
            request["ExpressionAttributeNames"] = JsonNode.Parse(names);
        }

        if (values != "{}")
        {
            request["ExpressionAttributeValues"] = JsonNode.Parse(values);
        }

        return new ExpressionAttributes(request);
    }

    private static DynamoDbException ConditionError(string expression, string names = "{}", string values = "{}") =>
        Assert.Throws<DynamoDbException>(() => ExpressionParser.ParseCondition(expression, "ConditionExpression", Attributes(names, values)));

    [Fact]
    public void And_binds_tighter_than_or()
    {
        var condition = ExpressionParser.ParseCondition("a = :x OR b = :x AND c = :x", "ConditionExpression", Attributes(values: """{":x":{"N":"1"}}"""));
        var or = Assert.IsType<OrCondition>(condition);
        Assert.IsType<ComparisonCondition>(or.Left);
        Assert.IsType<AndCondition>(or.Right);
    }

    [Fact]
    public void Parentheses_override_precedence_and_not_applies_to_the_next_predicate()
    {
        var condition = ExpressionParser.ParseCondition("NOT (a = :x OR b = :x) and c = :x", "ConditionExpression", Attributes(values: """{":x":{"N":"1"}}"""));
        var and = Assert.IsType<AndCondition>(condition);
        var not = Assert.IsType<NotCondition>(and.Left);
        Assert.IsType<OrCondition>(not.Inner);
    }

    [Fact]
    public void Document_paths_resolve_names_maps_and_list_indexes()
    {
        var paths = ExpressionParser.ParseProjection("#n.b[2].c, d", Attributes(names: """{"#n":"status"}"""));
        Assert.Equal("[status, b, [2], c]", paths[0].ToString());
        Assert.Equal("[d]", paths[1].ToString());
    }

    [Fact]
    public void Keywords_are_case_insensitive_but_function_names_are_not()
    {
        Assert.IsType<BetweenCondition>(ExpressionParser.ParseCondition("a between :x and :x", "ConditionExpression", Attributes(values: """{":x":{"N":"1"}}""")));
        Assert.Contains("Invalid function name; function: ATTRIBUTE_EXISTS", ConditionError("ATTRIBUTE_EXISTS(a)").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("Key")]
    [InlineData("convert")]
    public void A_reserved_word_as_a_bare_attribute_name_is_rejected(string name)
    {
        var error = ConditionError($"{name} = :s", values: """{":s":{"S":"x"}}""");
        Assert.Equal($"Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: {name}", error.Message);
    }

    [Theory]
    [InlineData("a = = :x", "Syntax error; token: \"=\", near: \"= = :x\"")]
    [InlineData("a =", "Syntax error; token: \"<EOF>\", near: \"=\"")]
    [InlineData("a = :x AND", "Syntax error; token: \"<EOF>\", near: \"AND\"")]
    [InlineData("(a = :x", "Syntax error; token: \"<EOF>\", near: \":x\"")]
    [InlineData("a ! :x", "Syntax error; token: \"!\"")]
    public void Syntax_errors_name_the_token_and_its_neighbourhood(string expression, string detail) =>
        Assert.StartsWith("Invalid ConditionExpression: " + detail, ConditionError(expression, values: """{":x":{"N":"1"}}""").Message, StringComparison.Ordinal);

    [Fact]
    public void Undefined_placeholders_are_validation_errors()
    {
        Assert.Equal("Invalid ConditionExpression: An expression attribute name used in the document path is not defined; attribute name: #q", ConditionError("attribute_exists(#q)").Message);
        Assert.Equal("Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :q", ConditionError("a = :q").Message);
    }

    [Theory]
    [InlineData("attribute_exists(a, b)", "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2")]
    [InlineData("attribute_exists(:x)", "Operator or function requires a document path; operator or function: attribute_exists")]
    [InlineData("size(a)", "Syntax error; token: \"<EOF>\"")]
    [InlineData("a = attribute_exists(b)", "The function is not allowed to be used this way in an expression; function: attribute_exists")]
    [InlineData("upper(a) = :x", "Invalid function name; function: upper")]
    [InlineData("a < :b", "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL")]
    [InlineData("begins_with(a, :x)", "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N")]
    [InlineData("attribute_type(a, :s)", "Invalid attribute type name found; type: STRING")]
    [InlineData("a BETWEEN :x AND :zero", "The BETWEEN operator requires upper bound to be greater than or equal to lower bound")]
    public void Misused_functions_and_operands_are_rejected(string expression, string detail) =>
        Assert.Contains(detail, ConditionError(expression, values: """{":x":{"N":"1"},":zero":{"N":"0"},":b":{"BOOL":true},":s":{"S":"STRING"}}""").Message, StringComparison.Ordinal);

    [Fact]
    public void In_accepts_at_most_100_operands()
    {
        var values = new JsonObject { [":x"] = new JsonObject { ["N"] = "1" } };
        var request = new JsonObject { ["ExpressionAttributeValues"] = values };
        var list = string.Join(", ", Enumerable.Repeat(":x", 101));
        var error = Assert.Throws<DynamoDbException>(() => ExpressionParser.ParseCondition($"a IN ({list})", "ConditionExpression", new ExpressionAttributes(request)));
        Assert.Contains("too many operands; number of operands: 101", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_expressions_parse_all_four_clauses_in_any_order()
    {
        var update = ExpressionParser.ParseUpdate(
            "REMOVE r ADD n :one SET a = if_not_exists(a, :one) + :one, l = list_append(l, :l) DELETE s :s",
            Attributes(values: """{":one":{"N":"1"},":l":{"L":[]},":s":{"SS":["x"]}}"""));
        Assert.Equal(
            [UpdateActionKind.Remove, UpdateActionKind.Add, UpdateActionKind.Set, UpdateActionKind.Set, UpdateActionKind.Delete],
            update.Actions.Select(action => action.Kind));
        Assert.IsType<ArithmeticValue>(update.Actions[2].Value);
        Assert.IsType<ListAppendValue>(update.Actions[3].Value);
    }

    [Theory]
    [InlineData("SET a = :one SET b = :one", "The \"SET\" section can only be used once in an update expression;")]
    [InlineData("SET a = :one, a.b = :one", "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]")]
    [InlineData("SET a[1] = :one REMOVE a.b", "Two document paths conflict with each other")]
    [InlineData("SET a = :one + :one + :one", "Syntax error; token: \"+\"")]
    [InlineData("ADD a :s", "Incorrect operand type for operator or function; operator: ADD, operand type: STRING")]
    [InlineData("DELETE a :one", "Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER")]
    [InlineData("SET a = upper(b)", "Invalid function name; function: upper")]
    [InlineData("SET a = if_not_exists(:one, :one)", "Operator or function requires a document path; operator or function: if_not_exists")]
    [InlineData("UPDATE a = :one", "Syntax error; token: \"UPDATE\"")]
    [InlineData("  ", "The expression can not be empty;")]
    public void Invalid_update_expressions_are_rejected(string expression, string detail)
    {
        var error = Assert.Throws<DynamoDbException>(() => ExpressionParser.ParseUpdate(expression, Attributes(values: """{":one":{"N":"1"},":s":{"S":"x"}}""")));
        Assert.Equal("ValidationException", error.ErrorName);
        Assert.StartsWith("Invalid UpdateExpression: " + detail, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unused_placeholders_are_reported_after_parsing()
    {
        var attributes = Attributes(names: """{"#a":"a","#b":"b"}""", values: """{":x":{"N":"1"}}""");
        ExpressionParser.ParseCondition("#a = :x", "ConditionExpression", attributes);
        var error = Assert.Throws<DynamoDbException>(() => attributes.ThrowIfAnyUnused(requestHasExpressions: true));
        Assert.Equal("Value provided in ExpressionAttributeNames unused in expressions: keys: {#b}", error.Message);
    }
}
