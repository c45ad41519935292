using System.Text.Json.Nodes;
using FilePipeline.Executions.History;

namespace FilePipeline.Executions.Tests;

public class ExecutionViewParserTests
{
    [Fact]
    public void A_succeeded_execution_marks_its_path_succeeded_the_throttled_task_retried_and_other_states_not_reached()
    {
        ExecutionView view = ExecutionFixtures.Load("succeeded");

        Assert.Equal(StateOutcome.Succeeded, view.States["CheckLedger"].Outcome);
        Assert.Equal(StateOutcome.Succeeded, view.States["AlreadyRecorded"].Outcome);
        Assert.Equal(StateOutcome.Succeeded, view.States["ClaimFile"].Outcome);
        Assert.Equal(StateOutcome.Retried, view.States["InspectFile"].Outcome);
        Assert.Equal(1, view.States["InspectFile"].Retries);
        Assert.Equal(StateOutcome.Succeeded, view.States["RecordProcessed"].Outcome);
        Assert.Equal(StateOutcome.Succeeded, view.States["Processed"].Outcome);
        foreach (string name in new[] { "Duplicate", "RecordRejected", "Rejected", "RecordFailure", "FailProcessing" })
        {
            Assert.Equal(StateOutcome.NotReached, view.States[name].Outcome);
            Assert.Equal(0, view.States[name].Visits);
        }

        Assert.Null(view.FailedState);
        Assert.Equal(["CheckLedger", "AlreadyRecorded", "ClaimFile", "InspectFile", "RecordProcessed", "Processed"], view.Path.Select(p => p.Name));
    }

    [Fact]
    public void A_permanent_error_followed_by_its_Catch_transition_marks_the_state_caught_with_its_error()
    {
        ExecutionView view = ExecutionFixtures.Load("rejected");

        StateRun inspect = view.States["InspectFile"];
        Assert.Equal(StateOutcome.Caught, inspect.Outcome);
        Assert.Equal("InvalidCsvException", inspect.Error);
        Assert.Contains("a quoted field is not closed", inspect.Cause, StringComparison.Ordinal);
        Assert.Equal("RecordRejected", inspect.Next);
        Assert.Equal(0, inspect.Retries);
        Assert.Equal(StateOutcome.Succeeded, view.States["RecordRejected"].Outcome);
        Assert.Equal(StateOutcome.NotReached, view.States["RecordProcessed"].Outcome);
        Assert.Contains(("InspectFile", "RecordRejected"), view.Transitions);
        Assert.DoesNotContain(("InspectFile", "RecordProcessed"), view.Transitions);
        Assert.Null(view.FailedState);
    }

    [Fact]
    public void Retries_that_all_fail_count_each_extra_TaskScheduled_and_the_Fail_state_is_where_the_execution_failed()
    {
        ExecutionView view = ExecutionFixtures.Load("failed");

        StateRun inspect = view.States["InspectFile"];
        Assert.Equal(StateOutcome.Caught, inspect.Outcome);
        Assert.Equal(2, inspect.Retries);
        Assert.Equal("TransientStorageException", inspect.Error);
        Assert.Equal("RecordFailure", inspect.Next);
        StateRun fail = view.States["FailProcessing"];
        Assert.Equal(StateOutcome.Failed, fail.Outcome);
        Assert.False(fail.Exited);
        Assert.True(inspect.Exited);
        Assert.Equal("FileProcessingFailed", fail.Error);
        Assert.Equal("FailProcessing", view.FailedState);

        // From TaskStateEntered (0.054 s) to TaskStateExited (12.076 s): three attempts of 3 s and backoffs of 1 s and 2 s.
        Assert.Equal(TimeSpan.FromMilliseconds(12_022), inspect.Duration);
    }

    [Fact]
    public void A_state_input_comes_from_its_entered_event_and_its_output_from_its_exited_event()
    {
        ExecutionView view = ExecutionFixtures.Load("succeeded");
        JsonNode executionInput = JsonNode.Parse(view.Summary.Input!)!;

        Assert.True(JsonNode.DeepEquals(executionInput, JsonNode.Parse(view.States["CheckLedger"].Input!)));
        JsonNode processedOutput = JsonNode.Parse(view.States["Processed"].Output!)!;
        Assert.Equal("PROCESSED", processedOutput["outcome"]!.GetValue<string>());
    }

    [Fact]
    public void Each_event_row_names_its_state_and_its_time_since_the_execution_started()
    {
        ExecutionView view = ExecutionFixtures.Load("failed");

        Assert.Equal(31, view.Events.Count);
        Assert.Null(view.Events[0].State);
        Assert.Equal("ExecutionStarted", view.Events[0].Type);
        Assert.Equal(TimeSpan.Zero, view.Events[0].Elapsed);
        Assert.All(view.Events.Where(e => e.Type is "TaskScheduled" or "TaskFailed" && e.Detail!.Contains("lambda", StringComparison.Ordinal) || e.Type == "TaskFailed"),
            e => Assert.Equal("InspectFile", e.State));
        Assert.Equal(3, view.Events.Count(e => e.Type == "TaskFailed"));
        Assert.All(view.Events.Where(e => e.Type == "TaskFailed"), e => Assert.True(e.IsFailure));
        EventRow last = view.Events[^1];
        Assert.Equal("ExecutionFailed", last.Type);
        Assert.Null(last.State);
        Assert.Equal(view.Summary.StopDate!.Value - view.Summary.StartDate, last.Elapsed);
        Assert.Equal("FileProcessingFailed: InspectFile failed after its retries; the queue will redeliver the message", last.Detail);
    }

    [Fact]
    public void A_history_without_previous_event_ids_is_followed_in_order()
    {
        JsonObject history = JsonNode.Parse(ExecutionFixtures.History("rejected"))!.AsObject();
        foreach (JsonObject e in history["events"]!.AsArray().OfType<JsonObject>())
        {
            e.Remove("previousEventId");
        }

        ExecutionView view = ExecutionViewParser.Parse(ExecutionFixtures.Definition, history.ToJsonString(), ExecutionFixtures.Summary("rejected"));

        Assert.Equal(StateOutcome.Caught, view.States["InspectFile"].Outcome);
        Assert.Equal("RecordRejected", view.States["InspectFile"].Next);
        Assert.Equal(StateOutcome.Succeeded, view.States["Rejected"].Outcome);
    }

    [Fact]
    public void A_task_failure_with_no_matching_Catch_fails_the_state_with_the_task_error()
    {
        const string Definition = """
            {"StartAt":"Work","States":{"Work":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:Work","End":true}}}
            """;
        string history = new HistoryBuilder()
            .Add("ExecutionStarted", 0, "executionStartedEventDetails", new JsonObject { ["input"] = "{}" })
            .Add("TaskStateEntered", 1, "stateEnteredEventDetails", new JsonObject { ["name"] = "Work", ["input"] = "{}" })
            .Add("TaskScheduled", 2, "taskScheduledEventDetails", new JsonObject { ["resourceType"] = "lambda", ["resource"] = "invoke" })
            .Add("TaskFailed", 3, "taskFailedEventDetails", new JsonObject { ["error"] = "Boom", ["cause"] = "it broke" })
            .Add("ExecutionFailed", 4, "executionFailedEventDetails", new JsonObject { ["error"] = "Boom", ["cause"] = "it broke" })
            .Build();

        ExecutionView view = ExecutionViewParser.Parse(Definition, history, Summary("FAILED", error: "Boom"));

        Assert.Equal(StateOutcome.Failed, view.States["Work"].Outcome);
        Assert.Equal("Boom", view.States["Work"].Error);
        Assert.Equal("it broke", view.States["Work"].Cause);
        Assert.Equal("Work", view.FailedState);
    }

    [Fact]
    public void A_state_still_running_when_the_execution_timed_out_is_where_it_failed()
    {
        const string Definition = """{"StartAt":"Pause","States":{"Pause":{"Type":"Wait","Seconds":600,"End":true}}}""";
        string history = new HistoryBuilder()
            .Add("ExecutionStarted", 0, "executionStartedEventDetails", new JsonObject { ["input"] = "{}" })
            .Add("WaitStateEntered", 1, "stateEnteredEventDetails", new JsonObject { ["name"] = "Pause", ["input"] = "{}" })
            .Add("ExecutionTimedOut", 300_000, "executionTimedOutEventDetails", new JsonObject { ["error"] = "States.Timeout" })
            .Build();

        ExecutionView view = ExecutionViewParser.Parse(Definition, history, Summary("TIMED_OUT", error: "States.Timeout", stopMs: 300_000));

        Assert.Equal(StateOutcome.Failed, view.States["Pause"].Outcome);
        Assert.Equal("States.Timeout", view.States["Pause"].Error);
        Assert.Equal(TimeSpan.FromMilliseconds(299_999), view.States["Pause"].Duration);
    }

    [Fact]
    public void Interleaved_Parallel_branches_are_told_apart_by_previous_event_id()
    {
        const string Definition = """
            {"StartAt":"Both","States":{"Both":{"Type":"Parallel","End":true,
              "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Handle"}],
              "Branches":[
                {"StartAt":"Left","States":{"Left":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}},
                {"StartAt":"Right","States":{"Right":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","End":true}}}]},
             "Handle":{"Type":"Pass","End":true}}}
            """;
        string history = new HistoryBuilder()
            .Add("ExecutionStarted", 0, "executionStartedEventDetails", new JsonObject { ["input"] = "{}" })
            .Add("ParallelStateEntered", 1, "stateEnteredEventDetails", new JsonObject { ["name"] = "Both", ["input"] = "{}" }) // 2
            .Add("ParallelStateStarted", 2, null, null) // 3
            .Add("TaskStateEntered", 3, "stateEnteredEventDetails", new JsonObject { ["name"] = "Left", ["input"] = "{}" }, previous: 3) // 4
            .Add("TaskStateEntered", 3, "stateEnteredEventDetails", new JsonObject { ["name"] = "Right", ["input"] = "{}" }, previous: 3) // 5
            .Add("TaskScheduled", 4, "taskScheduledEventDetails", new JsonObject { ["resource"] = "invoke" }, previous: 5) // 6
            .Add("TaskScheduled", 4, "taskScheduledEventDetails", new JsonObject { ["resource"] = "invoke" }, previous: 4) // 7
            .Add("TaskSucceeded", 9, "taskSucceededEventDetails", new JsonObject { ["output"] = "{\"left\":1}" }, previous: 7) // 8
            .Add("TaskFailed", 9, "taskFailedEventDetails", new JsonObject { ["error"] = "RightBroke" }, previous: 6) // 9
            .Add("TaskStateExited", 10, "stateExitedEventDetails", new JsonObject { ["name"] = "Left", ["output"] = "{\"left\":1}" }, previous: 8) // 10
            .Add("ParallelStateFailed", 11, null, null, previous: 9) // 11
            .Add("ParallelStateExited", 12, "stateExitedEventDetails", new JsonObject { ["name"] = "Both", ["output"] = "{}" }, previous: 11) // 12
            .Add("PassStateEntered", 13, "stateEnteredEventDetails", new JsonObject { ["name"] = "Handle", ["input"] = "{}" }, previous: 12) // 13
            .Add("PassStateExited", 14, "stateExitedEventDetails", new JsonObject { ["name"] = "Handle", ["output"] = "{}" }, previous: 13) // 14
            .Add("ExecutionSucceeded", 15, "executionSucceededEventDetails", new JsonObject { ["output"] = "{}" }, previous: 14)
            .Build();

        ExecutionView view = ExecutionViewParser.Parse(Definition, history, Summary("SUCCEEDED"));

        Assert.Equal(StateOutcome.Succeeded, view.States["Left"].Outcome);
        Assert.Equal("{\"left\":1}", view.States["Left"].Output);
        Assert.Equal(StateOutcome.Failed, view.States["Right"].Outcome);
        Assert.Equal("RightBroke", view.States["Right"].Error);
        Assert.Equal(StateOutcome.Caught, view.States["Both"].Outcome);
        Assert.Equal("Handle", view.States["Both"].Next);
        Assert.Null(view.FailedState);
        Assert.Equal(["Both", "Left", "Right", "Handle"], view.Path.Select(p => p.Name));
        Assert.Equal([0, 1, 1, 0], view.Path.Select(p => p.Depth));
    }

    [Fact]
    public void Map_iterations_enter_the_processor_states_once_per_item()
    {
        const string Definition = """
            {"StartAt":"Each","States":{"Each":{"Type":"Map","End":true,
              "ItemProcessor":{"StartAt":"Step","States":{"Step":{"Type":"Pass","End":true}}}}}}
            """;
        var builder = new HistoryBuilder()
            .Add("ExecutionStarted", 0, "executionStartedEventDetails", new JsonObject { ["input"] = "[1,2]" })
            .Add("MapStateEntered", 1, "stateEnteredEventDetails", new JsonObject { ["name"] = "Each", ["input"] = "[1,2]" })
            .Add("MapStateStarted", 2, "mapStateStartedEventDetails", new JsonObject { ["length"] = 2 });
        for (int i = 0; i < 2; i++)
        {
            builder
                .Add("MapIterationStarted", 3, "mapIterationStartedEventDetails", new JsonObject { ["name"] = "Each", ["index"] = i })
                .Add("PassStateEntered", 3, "stateEnteredEventDetails", new JsonObject { ["name"] = "Step", ["input"] = $"{i + 1}" })
                .Add("PassStateExited", 4, "stateExitedEventDetails", new JsonObject { ["name"] = "Step", ["output"] = $"{i + 1}" })
                .Add("MapIterationSucceeded", 4, "mapIterationSucceededEventDetails", new JsonObject { ["name"] = "Each", ["index"] = i });
        }

        string history = builder
            .Add("MapStateSucceeded", 5, null, null)
            .Add("MapStateExited", 5, "stateExitedEventDetails", new JsonObject { ["name"] = "Each", ["output"] = "[1,2]" })
            .Add("ExecutionSucceeded", 6, "executionSucceededEventDetails", new JsonObject { ["output"] = "[1,2]" })
            .Build();

        ExecutionView view = ExecutionViewParser.Parse(Definition, history, Summary("SUCCEEDED"));

        Assert.Equal(2, view.States["Step"].Visits);
        Assert.Equal(StateOutcome.Succeeded, view.States["Step"].Outcome);
        Assert.Equal(StateOutcome.Succeeded, view.States["Each"].Outcome);
        Assert.Equal("Each", view.Events.Single(e => e.Type == "MapStateStarted").State);
        Assert.All(view.Events.Where(e => e.Type.StartsWith("MapIteration", StringComparison.Ordinal)), e => Assert.Equal("Each", e.State));
    }

    [Fact]
    public void Timestamps_in_epoch_seconds_as_the_API_returns_them_are_read_to_the_millisecond()
    {
        string history = """
            {"events":[{"timestamp":1795860000.25,"type":"ExecutionStarted","id":1,"previousEventId":0,"executionStartedEventDetails":{"input":"{}"}}]}
            """;

        IReadOnlyList<HistoryEvent> events = HistoryEvent.ParseHistory(history);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_795_860_000_250), events[0].Timestamp);
    }

    [Fact]
    public void The_execution_summary_is_read_from_DescribeExecution_json()
    {
        ExecutionSummary summary = ExecutionSummary.FromJson(ExecutionFixtures.Summary("failed"));

        Assert.Equal("failed-orders", summary.Name);
        Assert.Equal("FAILED", summary.Status);
        Assert.Equal("FileProcessingFailed", summary.Error);
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero), summary.StartDate);
        Assert.Equal(TimeSpan.FromMilliseconds(12_101), summary.StopDate - summary.StartDate);
    }

    private static ExecutionSummary Summary(string status, string? error = null, int stopMs = 20) =>
        new("arn:test", "test", status, HistoryBuilder.Start, HistoryBuilder.Start.AddMilliseconds(stopMs), "{}", null, error, null);
}
