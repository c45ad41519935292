using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.Intrinsics.Functions;
using FilePipeline.States.Jsonata;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>
/// The functions AWS Step Functions adds to JSONata: <c>$partition</c>, <c>$range</c>, <c>$hash</c>,
/// <c>$random</c>, <c>$uuid</c> and <c>$parse</c>, bound once per clock; and <c>$eval</c>, which AWS
/// leaves out of its JSONata 2.0.6 ("use $parse instead"), fails.
/// </summary>
internal static class AwsJsonataFunctions
{
    /// <summary>AWS's limit on the items <c>$range</c> may produce, as for States.ArrayRange.</summary>
    private const int RangeLimit = 1000;

    private static readonly ConditionalWeakTable<TimeProvider, JsonataBindings> Cache = [];

    public static JsonataBindings Bindings(TimeProvider time) => Cache.GetValue(time, Create);

    private static JsonataBindings Create(TimeProvider time) => JsonataBindings.Empty
        .WithTimeProvider(time)
        .WithFunction("partition", "<an:a>", args => Of(Partition(args[0].Value, args[1].Value)))
        .WithFunction("range", "<nnn:a>", args => Of(Range(Number(args[0]), Number(args[1]), Number(args[2]))))
        .WithFunction("hash", "<ss:s>", args => Of(Hash(args[0].Value!.GetValue<string>(), args[1].Value!.GetValue<string>())))
        .WithFunction("random", "<n?:n>", args => Of(args.Count > 0 && !args[0].IsUndefined ? new Random((int)Number(args[0])).NextDouble() : Random.Shared.NextDouble()))
        .WithFunction("uuid", "<:s>", _ => Of(Guid.NewGuid().ToString()))
        .WithFunction("parse", "<s:j>", args => Of(Parse(args[0].Value!.GetValue<string>())))
        .WithFunction("eval", null, _ => throw Fail("$eval is not available in Step Functions; use $parse"));

    private static JsonataResult Of(JsonNode? value) => JsonataResult.Of(value);

    private static double Number(JsonataResult value)
    {
        JsonValues.TryGetNumber(value.Value, out var number);
        return number;
    }

    private static JsonArray Partition(JsonNode? array, JsonNode? size)
    {
        var items = array as JsonArray ?? [array?.DeepClone()];
        if (!JsonValues.TryGetNumber(size, out var chunk) || chunk < 1 || chunk != Math.Floor(chunk))
        {
            throw Fail("$partition: the chunk size must be a positive integer");
        }

        var result = new JsonArray();
        for (var i = 0; i < items.Count; i += (int)chunk)
        {
            result.Add((JsonNode)new JsonArray([.. items.Skip(i).Take((int)chunk).Select(item => item?.DeepClone())]));
        }

        return result;
    }

    private static JsonArray Range(double start, double end, double step)
    {
        if (step == 0 || start != Math.Floor(start) || end != Math.Floor(end) || step != Math.Floor(step))
        {
            throw Fail("$range: start, end and step must be integers and step must not be 0");
        }

        var result = new JsonArray();
        for (var value = start; step > 0 ? value <= end : value >= end; value += step)
        {
            if (result.Count == RangeLimit)
            {
                throw Fail($"$range: the result would have more than {RangeLimit} items");
            }

            result.Add((JsonNode)JsonValue.Create((long)value));
        }

        return result;
    }

    private static string Hash(string data, string algorithm) =>
        HashFunction.Digest(data, algorithm) ?? throw Fail($"$hash: the algorithm must be one of {HashFunction.AlgorithmNames}, not '{algorithm}'");

    private static JsonNode? Parse(string json)
    {
        try
        {
            return JsonValues.Parse(json);
        }
        catch (JsonException e)
        {
            throw Fail($"$parse: the argument is not valid JSON: {e.Message}");
        }
    }

    private static JsonataException Fail(string message) => new("D3137", message);
}
