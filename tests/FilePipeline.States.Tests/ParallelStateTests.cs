namespace FilePipeline.States.Tests;

public class ParallelStateTests
{
    [Fact]
    public async Task Branch_outputs_form_an_array_in_branch_order()
    {
        var result = await new Harness().RunAsync("parallel-basic.json", """{"left":{"l":1}}""");
        Harness.AssertJson("""{"left":{"l":1},"results":[{"l":1},"right"]}""", Harness.Output(result));
        Assert.Contains("ParallelStateStarted", Harness.Types(result));
        Assert.Contains("ParallelStateSucceeded", Harness.Types(result));
    }

    [Fact]
    public async Task Branch_events_chain_to_ParallelStateStarted()
    {
        var result = await new Harness().RunAsync("parallel-basic.json", """{"left":{}}""");
        var started = Harness.Single(result, "ParallelStateStarted");
        var branchEntries = result.History.Where(e => e.Type == "PassStateEntered").ToList();
        Assert.Equal(2, branchEntries.Count);
        Assert.All(branchEntries, e => Assert.Equal(started.Id, e.PreviousEventId));
    }

    [Fact]
    public async Task A_failing_branch_fails_the_Parallel_state_which_Catch_can_handle()
    {
        var result = await new Harness().RunAsync("parallel-failure-catch.json", """{"n":1}""");
        Harness.AssertJson("""{"n":1,"caught":{"Error":"Branch.Error","Cause":"branch failed"}}""", Harness.Output(result));
        Assert.Contains("ParallelStateFailed", Harness.Types(result));
    }

    [Fact]
    public async Task The_first_failing_branch_cancels_the_others_without_waiting_for_them()
    {
        var harness = new Harness();
        var cancelled = harness.HandleSlowTask();
        var result = await harness.RunAsync("parallel-cancel.json");
        Assert.Equal("Branch.Error", result.Error);
        Assert.True(cancelled());
        Assert.True(result.StopDate - result.StartDate < TimeSpan.FromMinutes(1));
    }
}
