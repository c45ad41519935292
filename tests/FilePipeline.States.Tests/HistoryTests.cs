using System.Text.Json.Nodes;
using FilePipeline.States.History;

namespace FilePipeline.States.Tests;

public class HistoryTests
{
    [Fact]
    public async Task Events_have_sequential_ids_chained_by_previousEventId_from_0_as_AWS_records_and_clock_timestamps()
    {
        var result = await new Harness().RunAsync("pass-chain.json");
        Assert.Equal(Enumerable.Range(1, result.History.Count).Select(i => (long)i), result.History.Select(e => e.Id));
        // ExecutionStarted and the first state's first event both chain to 0 (GetExecutionHistory's API reference example).
        Assert.Equal([0, 0], result.History.Take(2).Select(e => e.PreviousEventId));
        Assert.All(result.History.Skip(2), e => Assert.Equal(e.Id - 1, e.PreviousEventId));
        Assert.All(result.History, e => Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), e.Timestamp));
        var entered = result.History[1];
        Assert.Equal("PassStateEntered", entered.Type);
        Assert.Equal("stateEnteredEventDetails", entered.DetailsMemberName);
        Assert.Equal("A", entered.Details!["name"]!.GetValue<string>());
        Assert.Equal("{}", entered.Details["input"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_serializer_writes_the_GetExecutionHistory_shape_and_reads_it_back()
    {
        var result = await new Harness().RunAsync("pass-chain.json");
        var json = HistorySerializer.Serialize(result.History);
        var first = JsonNode.Parse(json)!["events"]![0]!;
        Assert.Equal("ExecutionStarted", first["type"]!.GetValue<string>());
        Assert.Equal(1704164645m, first["timestamp"]!.GetValue<decimal>());
        Assert.Equal("{}", first["executionStartedEventDetails"]!["input"]!.GetValue<string>());
        var roundTrip = HistorySerializer.Deserialize(json);
        Assert.Equal(HistorySerializer.Serialize(roundTrip), json);
    }

    [Fact]
    public void The_deserializer_accepts_ISO_timestamps_as_the_AWS_CLI_prints_them()
    {
        var events = HistorySerializer.Deserialize(
            """{"events":[{"timestamp":"2024-01-02T03:04:05.250000+00:00","type":"PassStateEntered","id":2,"previousEventId":1,"stateEnteredEventDetails":{"name":"A","input":"{}"}}]}""");
        var e = Assert.Single(events);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, 250, TimeSpan.Zero), e.Timestamp);
        Assert.Equal("A", e.Details!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_observer_sees_every_event_in_order_as_it_is_recorded()
    {
        var seen = new List<long>();
        var harness = new Harness { Options = new StateMachineEngineOptions { OnHistoryEvent = e => seen.Add(e.Id) } };
        var result = await harness.RunAsync("pass-chain.json");
        Assert.Equal(result.History.Select(e => e.Id), seen);
    }

    [Fact]
    public async Task An_observer_exception_stops_the_execution_like_a_crash()
    {
        var harness = new Harness
        {
            Options = new StateMachineEngineOptions
            {
                OnHistoryEvent = e => { if (e.Type == "PassStateExited") { throw new InvalidOperationException("crash"); } },
            },
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => harness.RunAsync("pass-chain.json"));
    }

    [Fact]
    public async Task Execution_result_serializes_as_a_StartSyncExecution_response()
    {
        var harness = new Harness { Options = new StateMachineEngineOptions { StateMachineName = "Files", Region = "eu-west-1", AccountId = "111122223333" } };
        var result = await harness.RunAsync("fail-static.json");
        var json = JsonNode.Parse(result.ToStartSyncExecutionJson())!;
        Assert.StartsWith("arn:aws:states:eu-west-1:111122223333:express:Files:test-execution:", json["executionArn"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("FAILED", json["status"]!.GetValue<string>());
        Assert.Equal("Custom.Error", json["error"]!.GetValue<string>());
        Assert.Null(json["output"]);
        Assert.Equal(1704164645m, json["startDate"]!.GetValue<decimal>());
    }
}
