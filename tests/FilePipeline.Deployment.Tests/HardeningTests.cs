using System.Reflection;
using System.Text.Json.Nodes;
using FilePipeline.Functions;
using FilePipeline.Functions.Settings;

namespace FilePipeline.Deployment.Tests;

/// <summary>The template's security, reliability and observability settings (issue 5, part 3).</summary>
public class HardeningTests
{
    private static readonly SamTemplate Template = SamTemplate.Load();

    private static string UploadBucket => Template.Single("AWS::S3::Bucket");

    private static JsonObject Machine => Template.Properties(Template.Single(SamTemplate.StateMachineType));

    private static string WorkQueue => Template.ResourceName(Template.Properties(Template.FunctionFor(HandlerNames.ProcessQueue))["Events"]!.AsObject().Single().Value!["Properties"]!["Queue"]);

    private static string DeadLetterQueue => Template.ResourceName(Template.Properties(WorkQueue)["RedrivePolicy"]!["deadLetterTargetArn"]);

    [Fact]
    public void The_bucket_is_versioned_encrypted_private_and_named_without_referring_to_itself()
    {
        var bucket = Template.Properties(UploadBucket);
        var block = bucket["PublicAccessBlockConfiguration"]!.AsObject();

        Assert.Equal("Enabled", (string?)bucket["VersioningConfiguration"]!["Status"]);
        Assert.Equal(["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"], block.Select(p => p.Key).Order());
        Assert.All(block, setting => Assert.True((bool)setting.Value!));
        Assert.NotNull(bucket["BucketEncryption"]!["ServerSideEncryptionConfiguration"]![0]!["ServerSideEncryptionByDefault"]!["SSEAlgorithm"]);
        Assert.DoesNotContain(UploadBucket, bucket["BucketName"]!["Fn::Sub"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_bucket_policy_denies_every_request_that_does_not_use_TLS()
    {
        var policy = Template.Properties(Assert.Single(Template.OfType("AWS::S3::BucketPolicy"), p => Template.ResourceName(Template.Properties(p)["Bucket"]) == UploadBucket));
        var deny = Assert.Single(policy["PolicyDocument"]!["Statement"]!.AsArray(), s => (string?)s!["Effect"] == "Deny")!;

        Assert.Equal("s3:*", (string?)deny["Action"]);
        Assert.Equal("*", (string?)deny["Principal"]);
        Assert.Equal("false", (string?)deny["Condition"]!["Bool"]!["aws:SecureTransport"]);
        Assert.Equal([UploadBucket, UploadBucket + "/*"], deny["Resource"]!.AsArray().Select(Template.ResourceName).Order());
    }

    [Fact]
    public void Every_object_creation_with_an_allowed_suffix_reaches_ValidateUpload()
    {
        var function = Template.FunctionFor(HandlerNames.ValidateUpload);
        var upload = Assert.Single(Template.Properties(function)["Events"]!.AsObject()).Value!;
        var settings = FunctionSettings.FromEnvironment(name => (string?)(Template.Environment(function).GetValueOrDefault(name) as JsonValue));
        var rule = Assert.Single(upload["Properties"]!["Filter"]!["S3Key"]!["Rules"]!.AsArray())!;

        Assert.Equal("S3", (string?)upload["Type"]);
        Assert.Equal(UploadBucket, Template.ResourceName(upload["Properties"]!["Bucket"]));
        Assert.Equal(["s3:ObjectCreated:*"], upload["Properties"]!["Events"]!.AsArray().Select(e => (string?)e));
        Assert.Equal("suffix", (string?)rule["Name"]);
        Assert.Equal(settings.UploadRules.AllowedSuffixes, [(string)rule["Value"]!]);
    }

    [Fact]
    public void The_queues_are_encrypted_and_a_failed_validation_goes_to_its_own_queue_after_two_retries()
    {
        var invoke = Template.Properties(Template.FunctionFor(HandlerNames.ValidateUpload))["EventInvokeConfig"]!;
        var onFailure = Template.ResourceName(invoke["DestinationConfig"]!["OnFailure"]!["Destination"]);

        Assert.All(Template.OfType("AWS::SQS::Queue"), queue => Assert.True((bool)Template.Properties(queue)["SqsManagedSseEnabled"]!));
        Assert.Equal(2, (int)invoke["MaximumRetryAttempts"]!);
        Assert.Equal("SQS", (string?)invoke["DestinationConfig"]!["OnFailure"]!["Type"]);
        // Lambda's invocation records are not work messages: they must never be redriven into the work queue.
        Assert.Equal("AWS::SQS::Queue", Template.TypeOf(onFailure));
        Assert.DoesNotContain(onFailure, new[] { WorkQueue, DeadLetterQueue });
        Assert.True((int)Template.Properties(onFailure)["MessageRetentionPeriod"]! >= (int)Template.Properties(WorkQueue)["MessageRetentionPeriod"]!);
    }

    [Fact]
    public void The_work_queue_feeds_ProcessQueue_in_bounded_batches_with_partial_batch_responses()
    {
        var work = Template.Properties(Template.FunctionFor(HandlerNames.ProcessQueue))["Events"]!.AsObject().Single().Value!["Properties"]!;

        Assert.Equal(["ReportBatchItemFailures"], work["FunctionResponseTypes"]!.AsArray().Select(t => (string?)t));
        Assert.InRange((int)work["BatchSize"]!, 1, 10);
        Assert.NotNull((int?)work["MaximumBatchingWindowInSeconds"]);
        Assert.InRange((int)work["ScalingConfig"]!["MaximumConcurrency"]!, 2, 1000);
    }

    [Fact]
    public void The_ledger_is_on_demand_encrypted_and_recoverable_to_a_point_in_time()
    {
        var table = Template.Properties(Template.Single("AWS::DynamoDB::Table"));

        Assert.Equal("PAY_PER_REQUEST", (string?)table["BillingMode"]);
        Assert.True((bool)table["SSESpecification"]!["SSEEnabled"]!);
        Assert.True((bool)table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
        Assert.Equal("fileId", (string?)Assert.Single(table["KeySchema"]!.AsArray())!["AttributeName"]);
    }

    [Fact]
    public void The_express_state_machine_logs_every_event_with_its_data_to_its_own_log_group_and_is_traced()
    {
        var logging = Machine["Logging"]!;
        var logGroup = Template.ResourceName(Assert.Single(logging["Destinations"]!.AsArray())!["CloudWatchLogsLogGroup"]!["LogGroupArn"]);

        Assert.Equal("EXPRESS", (string?)Machine["Type"]);
        Assert.Equal("ALL", (string?)logging["Level"]);
        Assert.True((bool)logging["IncludeExecutionData"]!);
        Assert.Equal("AWS::Logs::LogGroup", Template.TypeOf(logGroup));
        Assert.True((bool)Machine["Tracing"]!["Enabled"]!);
        Assert.DoesNotContain(Template.OfType(SamTemplate.FunctionType), f => Template.ResourceName(Template.Properties(f)["LoggingConfig"]?["LogGroup"]) == logGroup);
    }

    [Fact]
    public void Every_function_is_the_x86_64_bootstrap_on_provided_al2023_logging_JSON_to_its_own_group_with_active_tracing()
    {
        var functions = Template.OfType(SamTemplate.FunctionType).ToList();

        Assert.Equal(GeneratedLambdaFunctions.Registry.Names.Count(), functions.Count);
        Assert.All(functions, f =>
        {
            Assert.Equal("provided.al2023", (string?)Template.FunctionProperty(f, "Runtime"));
            // A literal the packaging tool reads (a Ref it cannot); docs/deploy.md says how arm64 hosts switch it.
            Assert.Equal(["x86_64"], Template.FunctionProperty(f, "Architectures")!.AsArray().Select(a => (string?)a));
            Assert.Equal("bootstrap", (string?)Template.FunctionProperty(f, "Handler"));
            Assert.Equal("Active", (string?)Template.FunctionProperty(f, "Tracing"));
            Assert.Equal("JSON", (string?)Template.FunctionProperty(f, "LoggingConfig")!["LogFormat"]);
        });
        Assert.Equal(functions.Count, functions.Select(f => Template.ResourceName(Template.Properties(f)["LoggingConfig"]!["LogGroup"])).Distinct().Count());
    }

    [Fact]
    public void Each_function_selects_a_handler_of_the_generated_registry_and_every_handler_is_deployed_once()
    {
        var handlers = Template.OfType(SamTemplate.FunctionType).Select(f => (string?)Template.Environment(f)[FunctionEnvironment.Handler]).ToList();

        Assert.Equal(GeneratedLambdaFunctions.Registry.Names, handlers.Order());
        Assert.All(handlers, handler => Assert.True(GeneratedLambdaFunctions.Registry.Contains(handler)));
    }

    [Fact]
    public void Every_environment_variable_the_template_sets_is_one_the_functions_read()
    {
        var read = typeof(FunctionEnvironment).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToHashSet();

        Assert.All(Template.OfType(SamTemplate.FunctionType).SelectMany(f => Template.Environment(f).Keys), name => Assert.Contains(name, read));
    }

    [Theory]
    [InlineData("AWS/SQS", "ApproximateNumberOfMessagesVisible", "DeadLetterQueue")]
    [InlineData("AWS/SQS", "ApproximateNumberOfMessagesVisible", "FailedInvokeQueue")]
    [InlineData("AWS/SQS", "ApproximateAgeOfOldestMessage", "WorkQueue")]
    [InlineData("AWS/Lambda", "Errors", "ValidateUploadFunction")]
    [InlineData("AWS/Lambda", "Errors", "ProcessQueueFunction")]
    [InlineData("AWS/States", "ExecutionsFailed", "FileProcessingStateMachine")]
    [InlineData("AWS/States", "ExecutionsTimedOut", "FileProcessingStateMachine")]
    public void An_alarm_watches_the_metric_and_notifies_the_optional_topic(string metricNamespace, string metric, string resource)
    {
        var alarm = Assert.Single(
            Template.OfType("AWS::CloudWatch::Alarm").Select(Template.Properties),
            a => (string?)a["Namespace"] == metricNamespace && (string?)a["MetricName"] == metric
                && Template.ResourceName(Assert.Single(a["Dimensions"]!.AsArray())!["Value"]) == resource);
        var topic = alarm["AlarmActions"]!["Fn::If"]!.AsArray();

        Assert.Equal("HasAlarmTopic", (string?)topic[0]);
        Assert.Equal("AlarmTopicArn", Template.ResourceName(topic[1]![0]));
        Assert.Equal("", (string?)Template.Root["Parameters"]!["AlarmTopicArn"]!["Default"]);
        if (metric == "ApproximateNumberOfMessagesVisible")
        {
            Assert.Equal(("GreaterThanThreshold", 0), ((string?)alarm["ComparisonOperator"], (int)alarm["Threshold"]!));
        }
    }

    [Fact]
    public void The_outputs_name_every_resource_a_user_works_with()
    {
        var outputs = Template.Root["Outputs"]!.AsObject().Select(o => Template.ResourceName(o.Value!["Value"])).ToHashSet();
        var needed = new[] { UploadBucket, WorkQueue, DeadLetterQueue, Template.Single("AWS::DynamoDB::Table"), Template.Single(SamTemplate.StateMachineType) }
            .Concat(Template.OfType(SamTemplate.FunctionType))
            .Append(Template.ResourceName(Machine["Logging"]!["Destinations"]![0]!["CloudWatchLogsLogGroup"]!["LogGroupArn"]));

        Assert.Subset(outputs, needed.ToHashSet());
    }
}
