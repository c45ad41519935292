using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FilePipeline.Local.Tests.Table.Differential;

/// <summary>One request of a case; the table name is filled in per engine.</summary>
public sealed record RequestStep(string Operation, string Request);

/// <summary>
/// The request sequences sent to both DynamoDB Local and the embedded table. Every case runs on a
/// fresh table "pk" (S); all responses, error names and the final table contents must agree.
/// </summary>
public static partial class DifferentialCases
{
    private const string Seed = """
        {"Item":{"pk":{"S":"a"},"s":{"S":"abc"},"n":{"N":"10"},"b":{"B":"AQID"},"t":{"BOOL":true},"z":{"NULL":true},
         "ss":{"SS":["x","y"]},"ns":{"NS":["1","2"]},"l":{"L":[{"S":"x"},{"N":"1"}]},
         "m":{"M":{"k":{"S":"v"},"deep":{"L":[{"M":{"c":{"N":"5"}}}]}}},"uni":{"S":"héllo"}}}
        """;

    private static readonly JsonObject ConditionValues = JsonNode.Parse("""
        {":s":{"S":"abc"},":ab":{"S":"ab"},":n10":{"N":"10"},":n9":{"N":"9.0"},":n100":{"N":"100"},":sn":{"S":"10"},
         ":b1":{"B":"AQ=="},":t":{"BOOL":true},":null":{"NULL":true},":ss":{"SS":["y","x"]},":x":{"S":"x"},
         ":typeSS":{"S":"SS"},":bad":{"S":"STRING"},":two":{"N":"2"},":three":{"N":"3"},":five":{"N":"5"},":six":{"N":"6"},
         ":l":{"L":[{"S":"x"},{"N":"1"}]},":m":{"M":{"k":{"S":"v"}}}}
        """)!.AsObject();

    private static readonly JsonObject ConditionNames = JsonNode.Parse("""{"#st":"status","#k":"k","#m":"m"}""")!.AsObject();

    private static readonly string[] Conditions =
    [
        "s = :s", "n = :n10", "n = :sn", "n <> :sn", "nope <> :s", "nope = :s", "n > :n9", "n >= :n10", "s > :ab", "s < :sn",
        "b > :b1", "ss = :ss", "l = :l", "#m.#k = :x", "m.deep[0].c < :n10", "m.deep[0].c = :five", "n BETWEEN :n9 AND :n100",
        "s BETWEEN :n9 AND :n100", "n IN (:s, :n10)", "n IN (:s, :sn)", "t = :t", "z = :null", "m = :m",
        "attribute_exists(m.deep[0].c)", "attribute_not_exists(m.deep[1])", "attribute_exists(l[1])", "attribute_type(ss, :typeSS)",
        "begins_with(s, :ab)", "begins_with(b, :b1)", "begins_with(n, :ab)", "contains(s, :ab)", "contains(ss, :x)", "contains(ns, :n10)",
        "contains(l, :x)", "contains(n, :n10)", "size(s) = :three", "size(uni) = :five", "size(uni) = :six", "size(ss) = :two",
        "size(m) = :two", "size(l) > :two", "size(n) = :two", "size(nope) <> :two", "NOT attribute_exists(s)", "NOT NOT attribute_exists(s)",
        "attribute_exists(nope) OR s = :s AND n = :n10", "(attribute_exists(nope) OR s = :s) AND n = :n100", "not (s = :s) or n = :n10",
        "#st = :s", "status = :s", "s = = :s", "ATTRIBUTE_EXISTS(s)", "s < :t", "s < :l", "begins_with(s, :n10)", "attribute_type(s, :bad)",
        "n BETWEEN :n100 AND :n9", "size(s)", "s = attribute_exists(n)", "#undefined = :s", "s = :undefined", "s = :s AND", "upper(s) = :s",
        "attribute_exists(:s)", "attribute_exists(s, n)", "contains(s)", "n in (:n10)", "s = s", ":s = :s", "m.k < m.k", "s BETWEEN s AND n", "s IN (n, s)",
        "contains(s, s)", "begins_with(s, s)", "size(s) = size(s)", "#m.#k = m.k", "contains(l, l[0])", "s <> n",
    ];

    private static readonly Dictionary<string, RequestStep[]> Sequences = new()
    {
        ["keys: a numeric sort key is one item however it is written"] =
        [
            new("CreateTable", """{"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],"BillingMode":"PAY_PER_REQUEST"}"""),
            new("PutItem", """{"Item":{"pk":{"S":"a"},"sk":{"N":"1.0"},"v":{"N":"1"}}}"""),
            new("PutItem", """{"Item":{"pk":{"S":"a"},"sk":{"N":"1"}},"ConditionExpression":"attribute_not_exists(pk)"}"""),
            new("GetItem", """{"Key":{"pk":{"S":"a"},"sk":{"N":"10e-1"}}}"""),
            new("GetItem", """{"Key":{"pk":{"S":"a"}}}"""),
            new("PutItem", """{"Item":{"pk":{"S":"a"},"sk":{"S":"1"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"UpdateExpression":"SET sk = :two","ExpressionAttributeValues":{":two":{"N":"2"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"},"sk":{"N":"2"}},"UpdateExpression":"SET v = :two","ExpressionAttributeValues":{":two":{"N":"2"}},"ReturnValues":"ALL_NEW"}"""),
            new("DeleteItem", """{"Key":{"pk":{"S":"a"},"sk":{"N":"1"}},"ReturnValues":"ALL_OLD"}"""),
        ],
        ["keys: binary partition key"] =
        [
            new("CreateTable", """{"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"B"}],"BillingMode":"PAY_PER_REQUEST"}"""),
            new("PutItem", """{"Item":{"pk":{"B":"AQID"},"v":{"BS":["AQ==","Ag=="]}}}"""),
            new("GetItem", """{"Key":{"pk":{"B":"AQID"}}}"""),
            new("PutItem", """{"Item":{"pk":{"B":""}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"B":"AQID"}},"UpdateExpression":"ADD v :b","ExpressionAttributeValues":{":b":{"BS":["Aw=="]}},"ReturnValues":"UPDATED_NEW"}"""),
        ],
        ["get: absent item has no Item"] = [new("GetItem", """{"Key":{"pk":{"S":"none"}},"ConsistentRead":true}""")],
        ["put: numbers come back normalized"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"a":{"N":"01.50"},"b":{"N":"1E+3"},"c":{"N":"-0.000"},"d":{"N":"-12.5e-3"},"e":{"N":"99999999999999999999999999999999999999"},"ns":{"NS":["1.0","2","30e-1"]}}}"""),
            new("GetItem", """{"Key":{"pk":{"S":"a"}}}"""),
        ],
        ["put: 39 digits"] = [new("PutItem", """{"Item":{"pk":{"S":"a"},"n":{"N":"123456789012345678901234567890123456789"}}}""")],
        ["put: overflow"] = [new("PutItem", """{"Item":{"pk":{"S":"a"},"n":{"N":"1e126"}}}""")],
        ["put: underflow"] = [new("PutItem", """{"Item":{"pk":{"S":"a"},"n":{"N":"1e-131"}}}""")],
        ["put: not a number"] = [new("PutItem", """{"Item":{"pk":{"S":"a"},"n":{"N":"ten"}}}""")],
        ["put: missing key"] = [new("PutItem", """{"Item":{"x":{"S":"a"}}}""")],
        ["put: key type mismatch"] = [new("PutItem", """{"Item":{"pk":{"N":"1"}}}""")],
        ["put: empty key"] = [new("PutItem", """{"Item":{"pk":{"S":""}}}""")],
        ["put: empty set"] = [new("PutItem", """{"Item":{"pk":{"S":"a"},"ss":{"SS":[]}}}""")],
        ["put: duplicate set elements"] = [new("PutItem", """{"Item":{"pk":{"S":"a"},"ns":{"NS":["1","1.0"]}}}""")],
        ["put: two types in one value"] = [new("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"S":"a","N":"1"}}}""")],
        ["put: empty attribute value"] = [new("PutItem", """{"Item":{"pk":{"S":"a"},"v":{}}}""")],
        ["put: NULL false"] = [new("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"NULL":false}}}""")],
        ["put: empty strings outside keys are fine"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"e":{"S":""},"m":{"M":{"k":{"S":""}}},"b":{"B":""}}}"""),
            new("GetItem", """{"Key":{"pk":{"S":"a"}}}"""),
        ],
        ["put: ReturnValues ALL_NEW is invalid"] = [new("PutItem", """{"Item":{"pk":{"S":"a"}},"ReturnValues":"ALL_NEW"}""")],
        ["put: ReturnValues ALL_OLD"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"1"}},"ReturnValues":"ALL_OLD"}"""),
            new("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"2"}},"ReturnValues":"ALL_OLD"}"""),
        ],
        ["put: failed condition returns the old item when asked"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"1"}}}"""),
            new("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"2"}},"ConditionExpression":"attribute_not_exists(pk)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}"""),
            new("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"N":"2"}},"ConditionExpression":"attribute_not_exists(pk)"}"""),
        ],
        ["put: the lease claim of the pipeline"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"f"},"status":{"S":"PROCESSING"},"leaseUntil":{"N":"100"}},"ConditionExpression":"attribute_not_exists(pk) OR #s = :failed OR (#s = :processing AND leaseUntil < :now)","ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":failed":{"S":"FAILED"},":processing":{"S":"PROCESSING"},":now":{"N":"50"}}}"""),
            new("PutItem", """{"Item":{"pk":{"S":"f"},"status":{"S":"PROCESSING"},"leaseUntil":{"N":"200"}},"ConditionExpression":"attribute_not_exists(pk) OR #s = :failed OR (#s = :processing AND leaseUntil < :now)","ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":failed":{"S":"FAILED"},":processing":{"S":"PROCESSING"},":now":{"N":"60"}}}"""),
            new("PutItem", """{"Item":{"pk":{"S":"f"},"status":{"S":"PROCESSING"},"leaseUntil":{"N":"300"}},"ConditionExpression":"attribute_not_exists(pk) OR #s = :failed OR (#s = :processing AND leaseUntil < :now)","ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":failed":{"S":"FAILED"},":processing":{"S":"PROCESSING"},":now":{"N":"150"}}}"""),
        ],
        ["put: unused value"] = [new("PutItem", """{"Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_exists(pk)","ExpressionAttributeValues":{":v":{"N":"5"}}}""")],
        ["put: unused name"] = [new("PutItem", """{"Item":{"pk":{"S":"a"}},"ConditionExpression":"attribute_exists(pk)","ExpressionAttributeNames":{"#v":"x"}}""")],
        ["put: names without expressions"] = [new("PutItem", """{"Item":{"pk":{"S":"a"}},"ExpressionAttributeNames":{"#v":"x"}}""")],
        ["put: item over 400 KB"] = [new("PutItem", "{\"Item\":{\"pk\":{\"S\":\"a\"},\"v\":{\"S\":\"" + new string('x', 410_000) + "\"}}}")],
        ["get: projection of nested paths"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"x":{"N":"1"},"m":{"M":{"a":{"S":"1"},"b":{"S":"2"}}},"l":{"L":[{"S":"0"},{"S":"1"},{"S":"2"}]}}}"""),
            new("GetItem", """{"Key":{"pk":{"S":"a"}},"ProjectionExpression":"m.b, l[2], l[0], #x, nope","ExpressionAttributeNames":{"#x":"x"}}"""),
            new("GetItem", """{"Key":{"pk":{"S":"a"}},"ProjectionExpression":"nope"}"""),
            new("GetItem", """{"Key":{"pk":{"S":"a"}},"ProjectionExpression":"m, m.a"}"""),
            new("GetItem", """{"Key":{"pk":{"S":"a"}},"ProjectionExpression":"l[7], m.zz"}"""),
        ],
        ["get: extra key attribute"] = [new("GetItem", """{"Key":{"pk":{"S":"a"},"x":{"S":"b"}}}""")],
        ["get: key of the wrong type"] = [new("GetItem", """{"Key":{"pk":{"N":"1"}}}""")],
        ["get: unknown table"] = [new("GetItem", """{"TableName":"no_such_table","Key":{"pk":{"S":"a"}}}""")],
        ["update: creates the item with every clause"] =
        [
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET c = if_not_exists(c, :zero) + :one, l = list_append(:l, :l), m = :m ADD tags :tags, amount :five","ExpressionAttributeValues":{":zero":{"N":"0"},":one":{"N":"1"},":l":{"L":[{"S":"x"}]},":m":{"M":{"k":{"S":"v"}}},":tags":{"SS":["a","b"]},":five":{"N":"5"}},"ReturnValues":"ALL_NEW"}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET c = c - :one, m.k2 = :one DELETE tags :a ADD amount :neg","ExpressionAttributeValues":{":one":{"N":"1"},":a":{"SS":["a","zz"]},":neg":{"N":"-0.5"}},"ReturnValues":"UPDATED_NEW"}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET m.k = :v, c = :v","ExpressionAttributeValues":{":v":{"S":"new"}},"ReturnValues":"UPDATED_OLD"}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"REMOVE amount","ReturnValues":"UPDATED_NEW"}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"REMOVE c","ReturnValues":"ALL_OLD"}"""),
        ],
        ["update: without an expression creates the key only"] = [new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_NEW"}""")],
        ["update: UPDATED_OLD of a new item"] = [new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET y = :v","ExpressionAttributeValues":{":v":{"N":"3"}},"ReturnValues":"UPDATED_OLD"}""")],
        ["update: list indexes refer to the list before the update"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"l":{"L":[{"S":"0"},{"S":"1"},{"S":"2"},{"S":"3"}]}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"REMOVE l[1], l[3] SET l[9] = :v, l[0] = :v","ExpressionAttributeValues":{":v":{"S":"v"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"REMOVE l[7]"}"""),
        ],
        ["update: deleting every element removes the set"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"ns":{"NS":["1","2"]}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"DELETE ns :all","ExpressionAttributeValues":{":all":{"NS":["2","1.0"]}},"ReturnValues":"UPDATED_OLD"}"""),
        ],
        ["update: ADD to sets and numbers"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"ns":{"NS":["1"]},"n":{"N":"0.1"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"ADD ns :ns, n :n, fresh :ns","ExpressionAttributeValues":{":ns":{"NS":["1","2"]},":n":{"N":"0.2"}},"ReturnValues":"ALL_NEW"}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"ADD ns :ss","ExpressionAttributeValues":{":ss":{"SS":["x"]}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"ADD n :s","ExpressionAttributeValues":{":s":{"S":"x"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"DELETE n :ns","ExpressionAttributeValues":{":ns":{"NS":["1"]}}}"""),
        ],
        ["update: errors leave the item as it was"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"s":{"S":"text"},"l":{"L":[]}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET x = y + :one","ExpressionAttributeValues":{":one":{"N":"1"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET x = s + :one","ExpressionAttributeValues":{":one":{"N":"1"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET nope.deeper = :one","ExpressionAttributeValues":{":one":{"N":"1"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET s[0] = :one","ExpressionAttributeValues":{":one":{"N":"1"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET pk = :one","ExpressionAttributeValues":{":one":{"S":"b"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET l = list_append(l, :one)","ExpressionAttributeValues":{":one":{"N":"1"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"REMOVE nope.x"}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET a = :one, a.b = :one","ExpressionAttributeValues":{":one":{"N":"1"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET a = :one SET b = :one","ExpressionAttributeValues":{":one":{"N":"1"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"ADD a :s","ExpressionAttributeValues":{":s":{"S":"x"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET #st = :one","ExpressionAttributeValues":{":one":{"N":"1"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET a = :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"EVERYTHING"}"""),
        ],
        ["update: arithmetic on literal values and nested sets"] =
        [
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET x = :a - :b, m = :m","ExpressionAttributeValues":{":a":{"N":"1"},":b":{"N":"2.5"},":m":{"M":{}}},"ReturnValues":"ALL_NEW"}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET m.inner = :m, m.list = :l","ExpressionAttributeValues":{":m":{"M":{"z":{"N":"1"}}},":l":{"L":[{"N":"1"}]}},"ReturnValues":"UPDATED_NEW"}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"a"}},"UpdateExpression":"SET m.inner.z = m.inner.z + :one, m.list[0] = :one","ExpressionAttributeValues":{":one":{"N":"1"}},"ReturnValues":"UPDATED_NEW"}"""),
        ],
        ["update: conditional on holding the claim"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"f"},"claimedBy":{"S":"exec-1"},"status":{"S":"PROCESSING"}}}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"f"}},"UpdateExpression":"SET #s = :done, rowCount = :rows","ConditionExpression":"claimedBy = :me","ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":done":{"S":"PROCESSED"},":rows":{"N":"42"},":me":{"S":"exec-2"}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}"""),
            new("UpdateItem", """{"Key":{"pk":{"S":"f"}},"UpdateExpression":"SET #s = :done, rowCount = :rows","ConditionExpression":"claimedBy = :me","ExpressionAttributeNames":{"#s":"status"},"ExpressionAttributeValues":{":done":{"S":"PROCESSED"},":rows":{"N":"42"},":me":{"S":"exec-1"}},"ReturnValues":"ALL_NEW"}"""),
        ],
        ["delete: returns the old item and deletes"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"v":{"BOOL":false}}}"""),
            new("DeleteItem", """{"Key":{"pk":{"S":"a"}},"ConditionExpression":"v = :t","ExpressionAttributeValues":{":t":{"BOOL":true}},"ReturnValuesOnConditionCheckFailure":"ALL_OLD"}"""),
            new("DeleteItem", """{"Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_OLD"}"""),
            new("DeleteItem", """{"Key":{"pk":{"S":"a"}},"ReturnValues":"ALL_OLD"}"""),
            new("DeleteItem", """{"Key":{"pk":{"S":"a"}},"ConditionExpression":"attribute_exists(pk)"}"""),
        ],
        ["scan: filter, projection, count and limit"] =
        [
            new("PutItem", """{"Item":{"pk":{"S":"a"},"n":{"N":"1"},"o":{"S":"x"}}}"""),
            new("PutItem", """{"Item":{"pk":{"S":"b"},"n":{"N":"2"},"o":{"S":"y"}}}"""),
            new("PutItem", """{"Item":{"pk":{"S":"c"},"n":{"N":"3"}}}"""),
            new("Scan", """{"FilterExpression":"n >= :two","ProjectionExpression":"n, o","ExpressionAttributeValues":{":two":{"N":"2"}}}"""),
            new("Scan", """{"Select":"COUNT","FilterExpression":"attribute_exists(o)"}"""),
            new("Scan", """{"Limit":3}"""),
            new("Scan", """{"Limit":0}"""),
            new("Scan", """{"FilterExpression":"n = :x","ExpressionAttributeValues":{":x":{"N":"1"},":y":{"N":"2"}}}"""),
        ],
    };

    public static TheoryData<string> Names()
    {
        var names = new TheoryData<string>();
        foreach (var name in Sequences.Keys.Concat(Conditions.Select(condition => "condition: " + condition)))
        {
            names.Add(name);
        }

        return names;
    }

    public static IReadOnlyList<RequestStep> StepsOf(string name)
    {
        if (Sequences.TryGetValue(name, out var steps))
        {
            return steps;
        }

        var condition = name["condition: ".Length..];
        var request = JsonNode.Parse(Seed)!.AsObject();
        request["ConditionExpression"] = condition;
        AddUsed(request, "ExpressionAttributeValues", ConditionValues, ValuePlaceholder().Matches(condition));
        AddUsed(request, "ExpressionAttributeNames", ConditionNames, NamePlaceholder().Matches(condition));
        var filter = new JsonObject { ["FilterExpression"] = condition };
        AddUsed(filter, "ExpressionAttributeValues", ConditionValues, ValuePlaceholder().Matches(condition));
        AddUsed(filter, "ExpressionAttributeNames", ConditionNames, NamePlaceholder().Matches(condition));
        return [new RequestStep("PutItem", Seed), new RequestStep("PutItem", request.ToJsonString()), new RequestStep("Scan", filter.ToJsonString())];
    }

    private static void AddUsed(JsonObject request, string member, JsonObject all, MatchCollection used)
    {
        var map = new JsonObject();
        foreach (var key in used.Select(match => match.Value).Distinct())
        {
            if (all[key] is { } value)
            {
                map[key] = value.DeepClone();
            }
        }

        if (map.Count > 0)
        {
            request[member] = map;
        }
    }

    [GeneratedRegex(@":\w+")]
    private static partial Regex ValuePlaceholder();

    [GeneratedRegex(@"#\w+")]
    private static partial Regex NamePlaceholder();
}
