using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FilePipeline.Core.Errors;
using FilePipeline.Functions;
using FilePipeline.Functions.Settings;

namespace FilePipeline.Deployment.Tests;

/// <summary>serverless.template and the state machine definition agree with the code that runs under them.</summary>
public partial class DeploymentFilesTests
{
    private static readonly JsonObject Template = Load("serverless.template");
    private static readonly JsonObject Definition = Load("statemachine/file-processing.asl.json");

    private static JsonObject Load(string path) => JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(path)))!.AsObject();

    private static JsonObject Resource(string name) => Template["Resources"]![name]!["Properties"]!.AsObject();

    private static Dictionary<string, string> Environment(string function)
    {
        var variables = new Dictionary<string, string>();
        foreach (var scope in new[] { Template["Globals"]!["Function"]!, Resource(function) })
        {
            foreach (var (name, value) in scope["Environment"]?["Variables"]?.AsObject() ?? [])
            {
                variables[name] = value switch
                {
                    JsonValue text when text.TryGetValue<string>(out var s) => s,
                    // A parameter reference reads as the parameter's default, as the local host resolves it.
                    JsonObject { Count: 1 } reference when Template["Parameters"]?[(string?)reference["Ref"] ?? ""]?["Default"] is { } defaultValue => defaultValue.ToString(),
                    _ => "(reference)",
                };
            }
        }

        return variables;
    }

    private static readonly string[] Functions = ["ValidateUploadFunction", "ProcessQueueFunction", "InspectFileFunction"];

    [Fact]
    public void Every_variable_the_template_sets_is_one_the_functions_read()
    {
        var known = typeof(FunctionEnvironment).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        Assert.All(Functions.SelectMany(f => Environment(f).Keys), name => Assert.Contains(name, known));
    }

    [Fact]
    public void Each_function_names_its_own_handler()
    {
        Assert.Equal([HandlerNames.ValidateUpload, HandlerNames.ProcessQueue, HandlerNames.InspectFile], Functions.Select(f => Environment(f)[FunctionEnvironment.Handler]));
    }

    [Fact]
    public void The_templates_settings_read_back_as_valid_function_settings()
    {
        var settings = FunctionSettings.FromEnvironment(Environment("ProcessQueueFunction").GetValueOrDefault);
        var validate = FunctionSettings.FromEnvironment(Environment("ValidateUploadFunction").GetValueOrDefault);

        Assert.Equal(TimeSpan.FromSeconds(360), settings.Lease);
        Assert.Equal([".csv"], validate.UploadRules.AllowedSuffixes);
        var suffixFilter = Resource("ValidateUploadFunction")["Events"]!["Upload"]!["Properties"]!["Filter"]!["S3Key"]!["Rules"]![0]!;
        Assert.Equal(validate.UploadRules.AllowedSuffixes[0], (string?)suffixFilter["Value"]);
    }

    [Fact]
    public void Timeouts_leave_room_for_an_express_execution_and_a_claim_outlives_it_but_not_the_visibility_timeout()
    {
        var processTimeout = (int)Resource("ProcessQueueFunction")["Timeout"]!;
        var visibility = (int)Resource("WorkQueue")["VisibilityTimeout"]!;
        var settings = FunctionSettings.FromEnvironment(Environment("ProcessQueueFunction").GetValueOrDefault);

        Assert.True(processTimeout > settings.ExecutionTimeLimit.TotalSeconds, "ProcessQueue must outlast the express limit");
        Assert.True(visibility >= 6 * processTimeout, "visibility ≥ 6 × ProcessQueue timeout");
        Assert.True(settings.Lease > settings.ExecutionTimeLimit, "a live execution never loses its claim");
        Assert.True(settings.Lease.TotalSeconds < visibility, "a redelivered message finds a crashed claim expired");
    }

    [Fact]
    public void The_queue_redrives_after_the_MaxReceiveCount_parameter_which_defaults_to_three()
    {
        Assert.Equal(3, (int)Template["Parameters"]!["MaxReceiveCount"]!["Default"]!);
        Assert.Equal("MaxReceiveCount", (string?)Resource("WorkQueue")["RedrivePolicy"]!["maxReceiveCount"]!["Ref"]);
        Assert.Equal("MaxReceiveCount", (string?)Resource("ProcessQueueFunction")["Environment"]!["Variables"]![FunctionEnvironment.MaxReceiveCount]!["Ref"]);
        Assert.Equal(3, FunctionSettings.FromEnvironment(Environment("ProcessQueueFunction").GetValueOrDefault).MaxReceiveCount);
    }

    [Fact]
    public void The_event_sources_are_all_object_creations_and_the_work_queue_with_partial_batch_responses()
    {
        var upload = Resource("ValidateUploadFunction")["Events"]!["Upload"]!["Properties"]!;
        var work = Resource("ProcessQueueFunction")["Events"]!["Work"]!["Properties"]!;

        Assert.Equal(["s3:ObjectCreated:*"], upload["Events"]!.AsArray().Select(e => (string?)e));
        Assert.Equal(ValidateUploadFunction.MaxBatchSize, (int)work["BatchSize"]!);
        Assert.Equal("ReportBatchItemFailures", (string?)work["FunctionResponseTypes"]![0]);
    }

    [Fact]
    public void The_definition_is_injected_into_the_express_state_machine_with_every_placeholder_substituted()
    {
        var machine = Resource("FileProcessingStateMachine");
        var placeholders = PlaceholderPattern().Matches(Definition.ToJsonString()).Select(m => m.Groups[1].Value).ToHashSet();
        var tools = Load("aws-lambda-tools-defaults.json");

        Assert.Equal("EXPRESS", (string?)machine["Type"]);
        Assert.Empty(machine["Definition"]!.AsObject());
        Assert.Equal(placeholders.Order(), machine["DefinitionSubstitutions"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal("$.Resources.FileProcessingStateMachine.Properties.Definition=statemachine/file-processing.asl.json", (string?)tools["template-substitutions"]);
    }

    [Fact]
    public void Every_permanent_error_InspectFile_can_throw_is_caught_as_a_rejection_and_transient_ones_are_retried()
    {
        var inspect = Definition["States"]!["InspectFile"]!;
        var rejection = inspect["Catch"]!.AsArray().Single(c => (string?)c!["Next"] == "DescribeRejection")!["ErrorEquals"]!.AsArray().Select(e => (string)e!);
        var permanent = typeof(PermanentFileException).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(PermanentFileException)) && !t.IsAbstract && t != typeof(InvalidObjectKeyException))
            .Select(t => t.Name);

        Assert.Equal(permanent.Order(), rejection.Order());
        Assert.Contains(nameof(StorageUnavailableException), inspect["Retry"]![0]!["ErrorEquals"]!.AsArray().Select(e => (string?)e));
    }

    [Fact]
    public void Every_state_is_reachable_and_every_transition_names_a_state()
    {
        var states = Definition["States"]!.AsObject();
        var targets = states.SelectMany(s => Targets(s.Value!)).ToList();

        Assert.All(targets, target => Assert.True(states.ContainsKey(target), target));
        Assert.Equal(states.Select(s => s.Key).Order(), targets.Append((string)Definition["StartAt"]!).Distinct().Order());
    }

    // DynamoDB refuses a request whose ExpressionAttributeNames or Values hold an entry no expression
    // uses ("Value provided in ExpressionAttributeNames unused in expressions"), and one that uses an
    // undeclared placeholder.
    [Fact]
    public void Every_DynamoDB_task_declares_exactly_the_placeholders_its_expressions_use()
    {
        var tasks = Definition["States"]!.AsObject()
            .Where(s => ((string?)s.Value!["Resource"])?.StartsWith("arn:aws:states:::dynamodb:", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Equal(5, tasks.Count);
        Assert.All(tasks, task =>
        {
            var parameters = task.Value!["Parameters"]!;
            var expressions = string.Join(" ", new[] { "UpdateExpression", "ConditionExpression", "ProjectionExpression" }.Select(e => (string?)parameters[e]));
            var used = ExpressionPlaceholder().Matches(expressions).Select(m => m.Value).ToHashSet();
            var declared = new[] { "ExpressionAttributeNames", "ExpressionAttributeValues" }
                .SelectMany(e => parameters[e]?.AsObject().Select(p => p.Key) ?? [])
                .ToHashSet();

            Assert.Equal(declared.Order(), used.Order());
            Assert.Equal("${FilesTableName}", (string?)parameters["TableName"]);
            Assert.Equal("$.fileId", (string?)parameters["Key"]!["fileId"]!["S.$"]);
        });
    }

    [GeneratedRegex(@"[#:]\w+")]
    private static partial Regex ExpressionPlaceholder();

    private static IEnumerable<string> Targets(JsonNode state) =>
        new[] { state["Next"], state["Default"] }
            .Concat(state["Catch"]?.AsArray().Select(c => c!["Next"]) ?? [])
            .Concat(state["Choices"]?.AsArray().Select(c => c!["Next"]) ?? [])
            .OfType<JsonNode>()
            .Select(n => (string)n!);

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex PlaceholderPattern();
}
