using System.Globalization;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Tests.Jsonata;

/// <summary>
/// Generates JSONata expressions and input documents from a seed, for comparing our evaluator with the
/// reference implementation. Expressions are built by type (number, string, boolean, array, object) so
/// most of them evaluate to something; some fail on purpose (type errors), which compares error codes.
/// The data is a shop: orders with customers, prices, quantities, tags, addresses and line items, with
/// fields sometimes missing or null.
/// </summary>
public sealed class ExpressionGenerator(int seed)
{
    private static readonly string[] Names = ["Ann", "bob", "Cleo Marsh", "dave", "Émile", "fay  two", "Gus"];
    private static readonly string[] Tags = ["red", "blue", "sale", "new", "x"];
    private static readonly string[] Cities = ["Paris", "Oslo", "Rome", "Lima"];
    private readonly Random random = new(seed);

    public JsonNode Data()
    {
        var orders = new JsonArray();
        var count = random.Next(1, 6);
        for (var i = 0; i < count; i++)
        {
            var order = new JsonObject
            {
                ["id"] = i + 1,
                ["customer"] = Pick(Names),
                ["price"] = Math.Round(random.NextDouble() * 100, random.Next(0, 3)),
                ["qty"] = random.Next(0, 5),
                ["active"] = random.Next(2) == 0,
                ["tags"] = new JsonArray(Enumerable.Range(0, random.Next(0, 4)).Select(_ => (JsonNode?)Pick(Tags)).ToArray()),
                ["address"] = new JsonObject { ["city"] = Pick(Cities), ["zip"] = random.Next(1000, 99999).ToString(CultureInfo.InvariantCulture) },
                ["items"] = new JsonArray(Enumerable.Range(0, random.Next(0, 3)).Select(j => (JsonNode?)new JsonObject
                {
                    ["sku"] = "s" + random.Next(1, 9).ToString(CultureInfo.InvariantCulture),
                    ["price"] = random.Next(1, 50) / 2.0,
                    ["qty"] = random.Next(1, 4),
                }).ToArray()),
            };
            if (random.Next(5) == 0)
            {
                order.Remove("price");
            }

            if (random.Next(6) == 0)
            {
                order["note"] = null;
            }

            orders.Add(order);
        }

        return new JsonObject { ["title"] = Pick(Names), ["count"] = random.Next(-5, 20), ["orders"] = orders, ["flags"] = new JsonArray(true, false, true) };
    }

    public string Expression() => random.Next(9) switch
    {
        0 => Number(2),
        1 => Text(2),
        2 => Boolean(2),
        3 or 4 => Array(2),
        5 => Object(2),
        6 => Conditional(2),
        7 => Block(2),
        _ => Path(),
    };

    private string Pick(params string[] options) => options[random.Next(options.Length)];

    private string Int(int min, int max) => random.Next(min, max).ToString(CultureInfo.InvariantCulture);

    private string Orders() => Pick("orders", "orders[active]", "orders[price > " + Int(0, 80) + "]", "orders[qty >= " + Int(0, 4) + "]", "orders[" + Int(-2, 3) + "]", "orders[customer ~> $contains('a')]", "orders['sale' in tags]", "orders^(>price)", "orders^(customer, >id)");

    private string Path() => Pick(
        Orders() + ".customer", Orders() + ".price", "orders.items.sku", Orders() + ".items[qty > 1].price", "orders.address.city", "**.sku",
        "orders.tags", "orders.tags[0]", "orders[0].*", "orders.items[-1]", "orders#$i[$i > 0].id", "orders@$o.items.{'c': $o.customer, 's': sku}",
        "orders.missing", "flags[$]", "orders.(price * qty)", "orders[items]. id", "orders.items.(price * qty)", "orders.$string(id)", "orders[id = 2].%.title");

    // An expression in the context of one order (predicates, lambdas, object values).
    private string Field(string type) => type switch
    {
        "n" => Pick("price", "qty", "id", "$count(items)", "$sum(items.price)", "price * qty", "qty + 1"),
        "s" => Pick("customer", "address.city", "$join(tags, '-')", "$string(id)", "customer & '/' & address.zip"),
        _ => Pick("active", "price > 50", "qty = 0", "$exists(note)", "'red' in tags", "$count(tags) > 1", "customer = 'Ann'"),
    };

    private string Number(int depth)
    {
        if (depth <= 0)
        {
            return Pick(Int(-20, 100), Int(0, 10) + "." + Int(0, 100), "count", "orders[0].price", "orders[-1].qty", "$count(orders)", "0");
        }

        var n = Number(depth - 1);
        var m = Number(depth - 1);
        return Pick(
            n + " + " + m, n + " - " + m, n + " * " + m, "(" + n + ") / " + Int(1, 9), n + " % " + Int(1, 7), "-(" + n + ")",
            "$sum(" + Orders() + ".price)", "$max(" + Orders() + ".qty)", "$min(orders.items.price)", "$average(" + Orders() + ".price)",
            "$count(" + Path() + ")", "$abs(" + n + ")", "$floor(" + n + " / 3)", "$ceil(" + n + " / 3)", "$round(" + n + " / 7, " + Int(0, 3) + ")",
            "$length(" + Text(depth - 1) + ")", "$number(" + Pick("'12.5'", "'-3'", "'1e3'", "true", "'abc'") + ")", "$power(" + Int(-3, 4) + ", " + Int(0, 4) + ")",
            "$sqrt(" + Int(0, 100) + ")", "$reduce(orders.qty, function($a, $b){ $a + $b })", "$sum(orders.(" + Field("n") + "))", "$string(" + n + ") & 'x'",
            n + " > " + m + " ? " + n + " : " + m, "$count(orders[" + Field("b") + "])");
    }

    private string Text(int depth)
    {
        if (depth <= 0)
        {
            return Pick("'hello world'", "''", "title", "orders[0].customer", "'  a  b '", "\"Ünï\"", "orders[1].address.city");
        }

        var s = Text(depth - 1);
        return Pick(
            s + " & " + Text(depth - 1), "$uppercase(" + s + ")", "$lowercase(" + s + ")", "$substring(" + s + ", " + Int(-4, 5) + ")",
            "$substring(" + s + ", " + Int(0, 4) + ", " + Int(-1, 5) + ")", "$substringBefore(" + s + ", 'o')", "$substringAfter(" + s + ", ' ')",
            "$trim(" + s + ")", "$pad(" + s + ", " + Int(-12, 12) + ", '*')", "$string(" + Number(depth - 1) + ")", "$join(" + Orders() + ".customer, ', ')",
            "$replace(" + s + ", 'l', 'L')", "$replace(" + s + ", /o(.)/, '<$1>')", "$formatNumber(" + Number(depth - 1) + ", '#,##0.00')",
            "$formatBase(" + Int(0, 300) + ", " + Int(2, 17) + ")", "$formatInteger(" + Int(0, 3000) + ", '" + Pick("w", "I", "001", "#,##0") + "')",
            "$string(" + Pick("orders[0]", "[1, 'a', null, true]", "{'k': [1.5]}") + ")", "$type(" + Path() + ")", "$join($split(" + s + ", ' '), '+')",
            "$fromMillis(" + Int(0, 2000000000) + "000)", "$base64encode(" + s + ")", "$encodeUrlComponent(" + s + ")");
    }

    private string Boolean(int depth)
    {
        var n = Number(depth - 1);
        var s = Text(depth - 1);
        return Pick(
            n + " > " + Number(depth - 1), n + " <= " + Number(depth - 1), s + " = " + Text(depth - 1), s + " != " + s, s + " < " + Text(depth - 1),
            "$not(" + Field("b").Replace("tags", "orders[0].tags", StringComparison.Ordinal) + ")", "$exists(" + Path() + ")", "$boolean(" + Path() + ")",
            "$contains(" + s + ", 'e')", "$contains(" + s + ", /L+/i)", s + " in " + Orders() + ".customer", "$count(orders) > 2 and " + n + " < 50",
            "orders[0].active or " + n + " = 0", "$boolean(" + Pick("0", "''", "[]", "{}", "[0, false]", "'x'") + ")", n + " = " + s);
    }

    private string Array(int depth)
    {
        var lambdaBody = Pick("$v * 2", "$v & '!'", "$i", "[$v, $i]", "$string($v)", "$v.price");
        return Pick(
            "[" + Number(depth - 1) + ", " + Text(depth - 1) + ", " + Path() + "]", "[1.." + Int(0, 6) + "]", "[" + Int(-2, 3) + ".." + Int(0, 5) + "]",
            "$map(" + Orders() + ".price, function($v, $i){ " + lambdaBody + " })", "$map(orders, function($o){ $o." + Field("s") + " })",
            "$filter(orders, function($o){ $o." + Field("b") + " }).id", "$sort(orders.price)", "$sort(orders, function($a, $b){ $a.qty > $b.qty }).id",
            Orders() + "^(>qty).customer", "$reverse(orders.id)", "$distinct(orders.tags)", "$append(" + Path() + ", [" + Number(depth - 1) + "])",
            "$keys(orders[0])", "$split(" + Text(depth - 1) + ", " + Pick("' '", "''", "/[aeiou]/", "'o'") + ")", "$zip(orders.id, orders.customer)",
            "orders.items.sku[]", "$match(" + Text(depth - 1) + ", /([a-z])([a-z])/)", "$spread(orders[0].address)", "orders.[id, qty]",
            "$each(orders[0].address, function($v, $k){ $k & '=' & $v })", "[" + Path() + "][0]", "(orders.price)[[1..2]]", "$single(orders, function($o){ $o.id = 1 }).customer");
    }

    private string Object(int depth) => Pick(
        "{" + Text(0) + ": " + Number(depth - 1) + "}", "orders{customer: $sum(price)}", "orders{address.city: $count(id)}", "orders.{'id': id, 'total': " + Field("n") + "}",
        "$merge([{'a': 1}, orders[0].address, {'a': " + Number(depth - 1) + "}])", "$sift(orders[0], function($v){ $type($v) = 'number' })",
        "$lookup(orders[0], 'customer')", "orders[0] ~> |items|{'qty': qty + 1}, ['sku']|", "orders{customer: id}", "{'n': orders.qty}",
        "orders.items{sku: $sum(price)}", "{'x': " + Path() + ", 'y': " + Text(depth - 1) + "}");

    private string Conditional(int depth) => Pick(
        Boolean(depth - 1) + " ? " + Text(depth - 1) + " : " + Number(depth - 1), Path() + " ? 'some' : 'none'", Path() + " ?: 'default'",
        Path() + " ?? " + Number(depth - 1), "orders[0].note ?? 'no note'", Boolean(depth - 1) + " ? " + Path());

    private string Block(int depth) => Pick(
        "($x := " + Number(depth - 1) + "; $y := $x * 2; [$x, $y])", "($f := function($n){ $n <= 1 ? 1 : $n * $f($n - 1) }; $f(" + Int(0, 12) + "))",
        "($add := function($a, $b){ $a + $b }; $inc := $add(?, 1); $map([1, 2, 3], $inc))", "(" + Path() + ") ~> $count()", Text(depth - 1) + " ~> $uppercase() ~> $substring(0, 3)",
        "($s := orders.price; $sum($s) / $count($s))", "$eval('1 + ' & " + Int(0, 9) + ")", "($upper := $uppercase; orders.customer.$upper($))");
}
