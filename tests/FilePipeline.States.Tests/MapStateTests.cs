namespace FilePipeline.States.Tests;

public class MapStateTests
{
    [Fact]
    public async Task ItemSelector_sees_the_context_Map_Item_and_the_state_input()
    {
        var result = await new Harness().RunAsync("map-basic.json", """{"items":["a","b","c"],"shared":9}""");
        Harness.AssertJson(
            """{"items":["a","b","c"],"shared":9,"results":[{"index":0,"value":"a","shared":9},{"index":1,"value":"b","shared":9},{"index":2,"value":"c","shared":9}]}""",
            Harness.Output(result));
        Assert.Equal(3, Harness.Single(result, "MapStateStarted").Details!["length"]!.GetValue<int>());
        Assert.Equal(3, result.History.Count(e => e.Type == "MapIterationSucceeded"));
    }

    [Fact]
    public async Task Legacy_Iterator_and_Parameters_still_work()
    {
        var result = await new Harness().RunAsync("map-legacy.json", """{"items":[1,2]}""");
        Harness.AssertJson("[1,2]", Harness.Output(result));
    }

    [Fact]
    public async Task A_failing_iteration_fails_the_Map_state()
    {
        var result = await new Harness().RunAsync("map-failure.json", "[1,2,3]");
        Assert.Equal("Item.TooBig", result.Error);
        Assert.Contains("MapIterationFailed", Harness.Types(result));
        Assert.Contains("MapStateFailed", Harness.Types(result));
    }

    [Fact]
    public async Task ToleratedFailureCount_lets_the_Map_succeed_up_to_the_threshold()
    {
        var tolerated = await new Harness().RunAsync("map-tolerated.json", "[1,2,3]");
        Assert.Equal(ExecutionStatus.Succeeded, tolerated.Status);
        var exceeded = await new Harness().RunAsync("map-tolerated.json", "[3,4]");
        Assert.Equal("States.ExceedToleratedFailureThreshold", exceeded.Error);
    }

    [Fact]
    public async Task Items_that_are_not_an_array_are_a_runtime_error()
    {
        var result = await new Harness().RunAsync("map-legacy.json", """{"items":{"not":"array"}}""");
        Assert.Equal("States.Runtime", result.Error);
    }

    [Fact]
    public async Task MaxConcurrency_one_runs_iterations_one_at_a_time_in_order()
    {
        var harness = new Harness();
        var running = 0;
        var maxRunning = 0;
        var order = new List<int>();
        harness.Handlers.Register("arn:aws:states:::work", async (request, ct) =>
        {
            maxRunning = Math.Max(maxRunning, ++running);
            order.Add(request.Input!.GetValue<int>());
            await Task.Delay(TimeSpan.FromSeconds(1), harness.Clock, ct);
            running--;
            return request.Input.GetValue<int>() * 10;
        });
        var output = Harness.Output(await harness.RunAsync("map-tasks.json", "[1,2,3]"));
        Harness.AssertJson("[10,20,30]", output);
        Assert.Equal(1, maxRunning);
        Assert.Equal([1, 2, 3], order);
    }
}
