using System.Text.Json.Nodes;

namespace FilePipeline.Deployment.Tests;

/// <summary>Alarms fire on trouble, not on outcomes the pipeline handles (a rejected file, a duplicate).</summary>
public class AlarmTests
{
    private static readonly SamTemplate Template = SamTemplate.Load();
    private static readonly JsonObject States = RepositoryFiles.ReadJson(LeastPrivilegeTests.DefinitionPath())["States"]!.AsObject();

    private static IEnumerable<JsonObject> Alarms => Template.OfType("AWS::CloudWatch::Alarm").Select(Template.Properties);

    /// <summary>
    /// Functions the definition invokes whose errors it catches into a path that ends SUCCEEDED:
    /// those errors are outcomes (InspectFile throws one for every rejected CSV), so Lambda's Errors
    /// metric of such a function counts handled files.
    /// </summary>
    private static IEnumerable<string> FunctionsWhoseErrorsAreOutcomes() =>
        States.Select(s => s.Value!.AsObject())
            .Where(s => (string?)s["Resource"] == "arn:aws:states:::lambda:invoke")
            .Where(s => s["Catch"]?.AsArray().Any(c => EndsSucceeded((string)c!["Next"]!, [])) == true)
            .Select(s => ((string)s["Parameters"]!["FunctionName"]!)[2..^1])
            .Select(placeholder => Template.ResourceName(Template.Properties(Template.Single(SamTemplate.StateMachineType))["DefinitionSubstitutions"]![placeholder]));

    private static bool EndsSucceeded(string name, HashSet<string> seen)
    {
        if (!seen.Add(name))
        {
            return false;
        }

        // Along each state's own path (a Task's Next is where it goes when it works).
        var state = States[name]!;
        var next = new[] { state["Next"], state["Default"] }.Concat(state["Choices"]?.AsArray().Select(c => c!["Next"]) ?? []).OfType<JsonNode>();
        return (string?)state["Type"] == "Succeed" || next.Any(n => EndsSucceeded((string)n!, seen));
    }

    [Fact]
    public void No_alarm_counts_the_errors_of_a_function_whose_errors_the_definition_handles_as_outcomes()
    {
        var handled = FunctionsWhoseErrorsAreOutcomes().ToList();
        var errorAlarms = Alarms.Where(a => (string?)a["Namespace"] == "AWS/Lambda" && (string?)a["MetricName"] == "Errors")
            .Select(a => Template.ResourceName(Assert.Single(a["Dimensions"]!.AsArray())!["Value"]));

        Assert.Equal(["InspectFileFunction"], handled);
        Assert.DoesNotContain(errorAlarms, handled.Contains);
    }

    [Fact]
    public void A_rejection_ends_the_execution_SUCCEEDED_so_the_failed_executions_alarm_counts_only_trouble()
    {
        var rejection = States["InspectFile"]!["Catch"]!.AsArray().First()!;

        Assert.Contains("InvalidCsvException", rejection["ErrorEquals"]!.AsArray().Select(e => (string?)e));
        Assert.True(EndsSucceeded((string)rejection["Next"]!, []));
        Assert.Contains(Alarms, a => (string?)a["MetricName"] == "ExecutionsFailed");
    }
}
