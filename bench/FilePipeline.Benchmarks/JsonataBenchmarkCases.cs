using System.Globalization;
using System.Text;

namespace FilePipeline.Benchmarks;

/// <summary>The expressions and the document both implementations evaluate in the JSONata benchmark.</summary>
internal static class JsonataBenchmarkCases
{
    public static readonly IReadOnlyDictionary<string, string> Expressions = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["path"] = "orders.items.sku",
        ["predicate"] = "orders[status = 'shipped' and total > 100].id",
        ["aggregate"] = "$sum(orders.items.(price * quantity))",
        ["strings"] = "orders.($uppercase(customer) & ': ' & $string(total))",
        ["group"] = "orders{customer: $sum(total)}",
        ["sort"] = "orders^(>total, customer).id",
        ["lambda"] = "$map(orders, function($o, $i){ {'n': $i, 'avg': $average($o.items.price)} })",
        ["transform"] = "{'ids': orders.id, 'count': $count(orders), 'big': orders[total > 500].customer, 'first': orders[0].items[0]}",
        ["states-style"] = "{'fileId': states.input.fileId, 'rows': states.input.rows + 1, 'ok': states.input.status = 'VALID'}",
    };

    /// <summary>50 orders of 1 to 5 line items: a few kilobytes, as a Step Functions payload would be.</summary>
    public static string Data { get; } = BuildData();

    private static string BuildData()
    {
        var random = new Random(42);
        var json = new StringBuilder("{\"states\":{\"input\":{\"fileId\":\"bucket/key@etag\",\"rows\":41,\"status\":\"VALID\"}},\"orders\":[");
        string[] customers = ["Ann", "Bob", "Cleo", "Dave", "Emile"];
        string[] statuses = ["new", "shipped", "returned"];
        for (var i = 0; i < 50; i++)
        {
            var items = new StringBuilder();
            var total = 0.0;
            var count = random.Next(1, 6);
            for (var j = 0; j < count; j++)
            {
                var price = Math.Round(random.NextDouble() * 100, 2);
                var quantity = random.Next(1, 5);
                total += price * quantity;
                items.Append(CultureInfo.InvariantCulture, $"{(j > 0 ? "," : string.Empty)}{{\"sku\":\"s{random.Next(1, 99)}\",\"price\":{price},\"quantity\":{quantity}}}");
            }

            json.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : string.Empty)}{{\"id\":{i},\"customer\":\"{customers[random.Next(customers.Length)]}\",\"status\":\"{statuses[random.Next(statuses.Length)]}\",\"total\":{Math.Round(total, 2)},\"items\":[{items}]}}");
        }

        return json.Append("]}").ToString();
    }
}
