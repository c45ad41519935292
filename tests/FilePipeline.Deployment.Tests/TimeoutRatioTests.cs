using FilePipeline.Functions;
using FilePipeline.Functions.Settings;

namespace FilePipeline.Deployment.Tests;

/// <summary>The timeouts and retention periods that keep a message from being processed twice at once or lost.</summary>
public class TimeoutRatioTests
{
    /// <summary>Step Functions' limit for an express execution.</summary>
    private const int ExpressLimitSeconds = 300;

    private static readonly SamTemplate Template = SamTemplate.Load();

    private static string ProcessQueue => Template.FunctionFor(HandlerNames.ProcessQueue);

    private static string WorkQueue => Template.ResourceName(Template.Properties(ProcessQueue)["Events"]!.AsObject().Single().Value!["Properties"]!["Queue"]);

    private static int Seconds(string resource, string property) => (int)(Template.Properties(resource)[property] ?? Template.FunctionProperty(resource, property))!;

    [Fact]
    public void The_visibility_timeout_is_at_least_six_times_the_ProcessQueue_timeout()
    {
        Assert.True(Seconds(WorkQueue, "VisibilityTimeout") >= 6 * Seconds(ProcessQueue, "Timeout"));
    }

    [Fact]
    public void ProcessQueue_outlasts_an_express_execution_and_InspectFile_fits_inside_one()
    {
        Assert.True(Seconds(ProcessQueue, "Timeout") > ExpressLimitSeconds);
        Assert.True(Seconds(Template.FunctionFor(HandlerNames.InspectFile), "Timeout") < ExpressLimitSeconds);
    }

    [Fact]
    public void A_claim_lease_outlasts_an_express_execution()
    {
        var settings = FunctionSettings.FromEnvironment(name => (string?)(Template.Environment(ProcessQueue).GetValueOrDefault(name) as System.Text.Json.Nodes.JsonValue));

        Assert.True(settings.Lease.TotalSeconds > ExpressLimitSeconds);
    }

    [Fact]
    public void The_dead_letter_queue_keeps_messages_longer_than_the_work_queue_and_redrive_happens_after_the_parameter_default_of_three()
    {
        var redrive = Template.Properties(WorkQueue)["RedrivePolicy"]!;
        var deadLetterQueue = Template.ResourceName(redrive["deadLetterTargetArn"]);

        Assert.True(Seconds(deadLetterQueue, "MessageRetentionPeriod") > Seconds(WorkQueue, "MessageRetentionPeriod"));
        Assert.Equal("MaxReceiveCount", Template.ResourceName(redrive["maxReceiveCount"]));
        Assert.Equal(3, (int)Template.Root["Parameters"]!["MaxReceiveCount"]!["Default"]!);
    }
}
