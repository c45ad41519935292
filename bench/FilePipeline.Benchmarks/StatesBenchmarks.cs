using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using FilePipeline.States;

namespace FilePipeline.Benchmarks;

/// <summary>
/// Per-transition cost of the ASL engine on a 20-state Pass-only machine, against a plain C# loop
/// doing the same JSON work (copy the input, place a result, serialize input and output as history does).
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet runs benchmarks as instance methods.")]
public class StatesPassMachineBenchmarks
{
    private const int States = 20;
    private StateMachineEngine engine = null!;
    private StateMachineDefinition definition = null!;
    private const string Input = """{"fileId":"bucket/key@etag","size":1234,"tags":["a","b"]}""";

    [GlobalSetup]
    public void Setup()
    {
        var states = new JsonObject();
        for (var i = 0; i < States; i++)
        {
            states[$"S{i}"] = new JsonObject
            {
                ["Type"] = "Pass",
                ["Result"] = i,
                ["ResultPath"] = "$.step",
                [i == States - 1 ? "End" : "Next"] = i == States - 1 ? true : $"S{i + 1}",
            };
        }

        definition = StateMachineDefinition.Parse(new JsonObject { ["StartAt"] = "S0", ["States"] = states }.ToJsonString()).Definition!;
        engine = new StateMachineEngine(new TaskHandlerRegistry(), TimeProvider.System);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = States)]
    public string PlainLoop()
    {
        JsonNode? data = JsonNode.Parse(Input);
        var history = new List<string>(2 * States);
        for (var i = 0; i < States; i++)
        {
            history.Add(data!.ToJsonString());
            var copy = data.DeepClone().AsObject();
            copy["step"] = i;
            data = copy;
            history.Add(data.ToJsonString());
        }

        return data!.ToJsonString();
    }

    [Benchmark(OperationsPerInvoke = States)]
    public async Task<string?> Engine() => (await engine.StartExecutionAsync(definition, Input, "bench")).Output;
}

/// <summary>
/// Executions per second of a 5-state Task machine (Parameters, ResultSelector, ResultPath, OutputPath)
/// with in-process handlers and history recorded, against a plain C# loop doing the same JSON work;
/// and the same machine written in JSONata (Arguments and Output expressions), in the same run.
/// </summary>
[MemoryDiagnoser]
[SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet runs benchmarks as instance methods.")]
public class StatesTaskMachineBenchmarks
{
    private const string Definition = """
        {"StartAt":"Check","States":{
          "Check":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Parameters":{"Key.$":"$.fileId"},"ResultPath":"$.check","Next":"Claim"},
          "Claim":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Parameters":{"Item.$":"$.fileId"},"ResultPath":null,"Next":"Inspect"},
          "Inspect":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"Payload.$":"$"},"ResultSelector":{"rows.$":"$.Payload.rows"},"ResultPath":"$.inspect","Next":"Record"},
          "Record":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem","Parameters":{"rows.$":"$.inspect.rows"},"ResultPath":null,"Next":"Done"},
          "Done":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{"Payload.$":"$"},"OutputPath":"$.Payload","End":true}}}
        """;

    /// <summary>The same data flow in JSONata: each state's Arguments and Output do what Parameters, ResultSelector, ResultPath and OutputPath did.</summary>
    private const string JsonataDefinition = """
        {"QueryLanguage":"JSONata","StartAt":"Check","States":{
          "Check":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:getItem","Arguments":{"Key":"{% $states.input.fileId %}"},"Output":"{% $merge([$states.input, {'check': $states.result}]) %}","Next":"Claim"},
          "Claim":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:putItem","Arguments":{"Item":"{% $states.input.fileId %}"},"Output":"{% $states.input %}","Next":"Inspect"},
          "Inspect":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"Payload":"{% $states.input %}"},"Output":"{% $merge([$states.input, {'inspect': {'rows': $states.result.Payload.rows}}]) %}","Next":"Record"},
          "Record":{"Type":"Task","Resource":"arn:aws:states:::dynamodb:updateItem","Arguments":{"rows":"{% $states.input.inspect.rows %}"},"Output":"{% $states.input %}","Next":"Done"},
          "Done":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"Payload":"{% $states.input %}"},"Output":"{% $states.result.Payload %}","End":true}}}
        """;

    private const string Input = """{"fileId":"bucket/key@etag","size":1234}""";
    private StateMachineEngine engine = null!;
    private StateMachineDefinition definition = null!;
    private StateMachineDefinition jsonataDefinition = null!;

    [GlobalSetup]
    public void Setup()
    {
        var handlers = new TaskHandlerRegistry()
            .Register("arn:aws:states:::dynamodb:getItem", (_, _) => Task.FromResult<JsonNode?>(GetItem()))
            .Register("arn:aws:states:::dynamodb:putItem", (_, _) => Task.FromResult<JsonNode?>(new JsonObject()))
            .Register("arn:aws:states:::dynamodb:updateItem", (_, _) => Task.FromResult<JsonNode?>(new JsonObject()))
            .Register("arn:aws:states:::lambda:invoke", (request, _) => Task.FromResult<JsonNode?>(Invoke(request.Input)));
        definition = StateMachineDefinition.Parse(Definition).Definition!;
        jsonataDefinition = StateMachineDefinition.Parse(JsonataDefinition).Definition!;
        engine = new StateMachineEngine(handlers, TimeProvider.System);
    }

    /// <summary>The same data flow by hand, serializing what history records: state input, parameters, result, state output.</summary>
    [Benchmark(Baseline = true)]
    public string PlainLoop()
    {
        var history = new List<string>(32);
        var data = JsonNode.Parse(Input)!.AsObject();
        history.Add(data.ToJsonString());

        data = Step(history, data, new JsonObject { ["Key"] = data["fileId"]!.DeepClone() }, _ => GetItem(), (d, r) => d["check"] = r);
        data = Step(history, data, new JsonObject { ["Item"] = data["fileId"]!.DeepClone() }, _ => new JsonObject(), null);
        data = Step(history, data, new JsonObject { ["Payload"] = data.DeepClone() }, Invoke,
            (d, r) => d["inspect"] = new JsonObject { ["rows"] = r["Payload"]!["rows"]!.DeepClone() });
        data = Step(history, data, new JsonObject { ["rows"] = data["inspect"]!["rows"]!.DeepClone() }, _ => new JsonObject(), null);
        var done = Invoke(new JsonObject { ["Payload"] = data.DeepClone() });
        history.Add(done.ToJsonString());
        var output = done["Payload"]!.ToJsonString();
        history.Add(output);
        return output;
    }

    [Benchmark]
    public async Task<string?> Engine() => (await engine.StartExecutionAsync(definition, Input, "bench")).Output;

    [Benchmark]
    public async Task<string?> EngineJsonata() => (await engine.StartExecutionAsync(jsonataDefinition, Input, "bench")).Output;

    private static JsonObject Step(
        List<string> history, JsonObject data, JsonObject parameters, Func<JsonObject, JsonObject> task, Action<JsonObject, JsonObject>? place)
    {
        history.Add(data.ToJsonString());
        history.Add(parameters.ToJsonString());
        var result = task(parameters);
        history.Add(result.ToJsonString());
        if (place is not null)
        {
            data = (JsonObject)data.DeepClone();
            place(data, result);
        }

        history.Add(data.ToJsonString());
        return data;
    }

    private static JsonObject GetItem() => new() { ["Item"] = new JsonObject { ["status"] = new JsonObject { ["S"] = "NEW" } } };

    private static JsonObject Invoke(JsonNode? input) => new()
    {
        ["Payload"] = new JsonObject { ["rows"] = 42, ["echo"] = input?["Payload"]?["fileId"]?.DeepClone() },
        ["StatusCode"] = 200,
    };
}
