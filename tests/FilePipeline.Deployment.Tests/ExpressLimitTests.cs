using System.Text.Json.Nodes;
using FilePipeline.Functions;

namespace FilePipeline.Deployment.Tests;

/// <summary>
/// The file-processing definition provably ends inside the express limit: every Task state is
/// bounded by its TimeoutSeconds, and the longest path through the states, with every attempt
/// each retrier allows running to its timeout and every backoff at its largest, stays well under
/// 300 seconds.
/// </summary>
public class ExpressLimitTests
{
    /// <summary>Step Functions' limit for an express execution.</summary>
    private const double ExpressLimitSeconds = 300;

    /// <summary>Room left for what the bound leaves out: state transitions, payload handling, clock skew.</summary>
    private const double MarginSeconds = 30;

    private static readonly JsonObject Definition = RepositoryFiles.ReadJson(LeastPrivilegeTests.DefinitionPath());

    private static JsonObject StateNodes => Definition["States"]!.AsObject();

    [Fact]
    public void Every_Task_state_has_a_TimeoutSeconds()
    {
        Assert.All(StateNodes.Where(s => (string?)s.Value!["Type"] == "Task"), s => Assert.True(s.Value!["TimeoutSeconds"] is JsonValue, s.Key + " has no TimeoutSeconds"));
    }

    [Fact]
    public void The_longest_path_with_every_retry_and_timeout_spent_ends_well_inside_the_express_limit()
    {
        var worst = WorstCaseSeconds((string)Definition["StartAt"]!, []);

        Assert.True(worst <= ExpressLimitSeconds - MarginSeconds, $"worst case {worst} s, limit {ExpressLimitSeconds} s less {MarginSeconds} s margin");
    }

    [Fact]
    public void The_worst_case_of_a_Task_counts_each_retriers_attempts_at_the_timeout_and_its_capped_backoffs()
    {
        var task = JsonNode.Parse("""
            {"Type":"Task","TimeoutSeconds":10,"Retry":[
              {"ErrorEquals":["A"],"IntervalSeconds":2,"MaxAttempts":3,"BackoffRate":3,"MaxDelaySeconds":5},
              {"ErrorEquals":["B"]}]}
            """)!.AsObject();

        // 1 + 3 + 3 (the default MaxAttempts) attempts of 10 s; waits 2, 5 (6 capped), 5 (18 capped), then 1, 2, 4.
        Assert.Equal(70 + 12 + 7, StateSeconds(task));
    }

    [Fact]
    public void InspectFile_fails_cleanly_by_its_own_deadline_before_the_task_times_out()
    {
        var template = SamTemplate.Load();
        var inspectTimeout = (int)template.Properties(template.FunctionFor(HandlerNames.InspectFile))["Timeout"]!;

        Assert.True(inspectTimeout < (int)StateNodes["InspectFile"]!["TimeoutSeconds"]!);
    }

    /// <summary>The longest time from entering <paramref name="name"/> to the end of the execution.</summary>
    private static double WorstCaseSeconds(string name, HashSet<string> onPath)
    {
        Assert.True(onPath.Add(name), $"{name} is on a cycle: no bound exists");
        var state = StateNodes[name]!.AsObject();
        var next = new[] { state["Next"], state["Default"] }
            .Concat(state["Choices"]?.AsArray().Select(c => c!["Next"]) ?? [])
            .Concat(state["Catch"]?.AsArray().Select(c => c!["Next"]) ?? [])
            .OfType<JsonNode>()
            .Select(n => (string)n!)
            .Distinct();
        var after = next.Select(n => WorstCaseSeconds(n, onPath)).DefaultIfEmpty(0).Max();
        onPath.Remove(name);
        return StateSeconds(state) + after;
    }

    /// <summary>
    /// A Task: every attempt its retriers allow (each keeps its own count) ends at TimeoutSeconds,
    /// and retry k waits IntervalSeconds × BackoffRate^(k-1), at most MaxDelaySeconds (full jitter only
    /// shortens it). A Wait counts its Seconds; the other states of this definition take no time.
    /// </summary>
    private static double StateSeconds(JsonObject state)
    {
        switch ((string)state["Type"]!)
        {
            case "Task":
                var timeout = (int)state["TimeoutSeconds"]!;
                var retriers = state["Retry"]?.AsArray().Select(r => r!.AsObject()).ToList() ?? [];
                var attempts = 1 + retriers.Sum(r => (int?)r["MaxAttempts"] ?? 3);
                var waits = retriers.Sum(r => Enumerable.Range(0, (int?)r["MaxAttempts"] ?? 3)
                    .Sum(k => Math.Min(((int?)r["IntervalSeconds"] ?? 1) * Math.Pow((double?)r["BackoffRate"] ?? 2, k), (double?)r["MaxDelaySeconds"] ?? double.MaxValue)));
                return (attempts * timeout) + waits;
            case "Wait":
                return (int)state["Seconds"]!;
            case "Pass" or "Choice" or "Succeed" or "Fail":
                return 0;
            default:
                throw new InvalidDataException($"No bound for a {state["Type"]} state: extend this calculation.");
        }
    }
}
