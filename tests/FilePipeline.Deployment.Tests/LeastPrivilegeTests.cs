using System.Text.Json.Nodes;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;
using FilePipeline.Functions.Settings;

namespace FilePipeline.Deployment.Tests;

/// <summary>
/// Every role grants exactly what its principal does: the functions' port calls (read from their
/// IL), their event sources and destinations, the state machine's task integrations (read from
/// the definition), and nothing else.
/// </summary>
public class LeastPrivilegeTests
{
    private static readonly SamTemplate Template = SamTemplate.Load();

    /// <summary>The port calls each function makes (checked against its IL below).</summary>
    private static readonly Dictionary<string, (Type Function, string[] PortCalls)> Functions = new()
    {
        [HandlerNames.ValidateUpload] = (typeof(ValidateUploadFunction), ["IObjectStore.ReadPrefixAsync", "IJobQueue.SendBatchAsync", "ILedger.TryRecordRejectedAsync", "ILedger.TryRecordAcceptedAsync"]),
        [HandlerNames.ProcessQueue] = (typeof(ProcessQueueFunction), ["IWorkflowStarter.StartSyncExecutionAsync", "IMessageVisibility.ChangeVisibilityAsync", "ILedger.TryRecordFailedAsync"]),
        [HandlerNames.InspectFile] = (typeof(InspectFileFunction), ["IObjectStore.OpenReadAsync"]),
    };

    private static readonly string[] LogDelivery =
    [
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
    ];

    private static readonly string[] FunctionTracing = ["xray:PutTraceSegments", "xray:PutTelemetryRecords"];

    private static readonly string[] StateMachineTracing = [.. FunctionTracing, "xray:GetSamplingRules", "xray:GetSamplingTargets"];

    public static TheoryData<string> Handlers => [.. GeneratedLambdaFunctions.Registry.Names];

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Each_function_makes_exactly_the_port_calls_its_IAM_table_lists(string handler)
    {
        var (function, portCalls) = Functions[handler];

        Assert.Equal(portCalls.Order(), PortCallScanner.CallsInto(function, typeof(IObjectStore).Namespace!).Order());
    }

    [Theory]
    [MemberData(nameof(Handlers))]
    public void Each_function_role_grants_exactly_its_port_calls_event_sources_destination_logs_and_traces(string handler)
    {
        var function = Template.FunctionFor(handler);
        var expected = Functions[handler].PortCalls.SelectMany(call => AdapterGrants(call, function))
            .Concat(EventSourceGrants(function))
            .Concat(DestinationGrants(function))
            .Concat(RuntimeGrants(function))
            .ToHashSet();

        Assert.Equal(Sorted(expected), Sorted(Template.Grants(Template.RoleOf(function))));
    }

    [Fact]
    public void The_state_machine_role_grants_exactly_the_task_integrations_of_the_definition_plus_log_delivery_and_tracing()
    {
        var machine = Template.Single(SamTemplate.StateMachineType);
        var properties = Template.Properties(machine);
        var expected = TaskResources().SelectMany(task => IntegrationGrants(task, properties)).ToHashSet();
        if ((string?)properties["Logging"]?["Level"] is { } level && level != "OFF")
        {
            expected.UnionWith(LogDelivery.Select(action => new Grant(action, "*")));
        }

        if ((bool?)properties["Tracing"]?["Enabled"] == true)
        {
            expected.UnionWith(StateMachineTracing.Select(action => new Grant(action, "*")));
        }

        Assert.Equal(Sorted(expected), Sorted(Template.Grants(Template.RoleOf(machine))));
    }

    [Fact]
    public void Every_task_resource_of_the_definition_is_one_the_state_machine_role_knows_how_to_grant()
    {
        var properties = Template.Properties(Template.Single(SamTemplate.StateMachineType));
        var granted = Template.Grants(Template.RoleOf(Template.Single(SamTemplate.StateMachineType)));

        Assert.NotEmpty(TaskResources());
        Assert.All(TaskResources(), task => Assert.Subset(granted, IntegrationGrants(task, properties).ToHashSet()));
    }

    [Fact]
    public void No_role_allows_a_wildcard_action_and_only_log_delivery_and_tracing_allow_any_resource()
    {
        var allowedOnAnything = LogDelivery.Concat(StateMachineTracing).ToHashSet();
        var grants = Template.OfType("AWS::IAM::Role").SelectMany(Template.Grants).ToList();

        Assert.NotEmpty(grants);
        Assert.All(grants, grant => Assert.DoesNotContain("*", grant.Action, StringComparison.Ordinal));
        Assert.All(grants.Where(g => g.Resource == "*"), grant => Assert.Contains(grant.Action, allowedOnAnything));
    }

    [Fact]
    public void Every_principal_has_a_role_of_its_own_that_only_its_service_can_assume()
    {
        var principals = Template.OfType(SamTemplate.FunctionType).Select(f => (f, "lambda.amazonaws.com"))
            .Append((Template.Single(SamTemplate.StateMachineType), "states.amazonaws.com"))
            .ToList();
        var roles = principals.Select(p => Template.RoleOf(p.Item1)).ToList();

        Assert.Equal(roles.Count, roles.Distinct().Count());
        Assert.Equal(Template.OfType("AWS::IAM::Role").Order(), roles.Order());
        Assert.All(principals, principal =>
        {
            var trust = Assert.Single(Template.Properties(Template.RoleOf(principal.Item1))["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
            Assert.Equal("sts:AssumeRole", (string?)trust["Action"]);
            Assert.Equal(principal.Item2, (string?)trust["Principal"]!["Service"]);
            Assert.Null(Template.Properties(principal.Item1)["Policies"]);
        });
    }

    /// <summary>What the AWS adapter behind a port call needs, on the resource the template points it at.</summary>
    private static IEnumerable<Grant> AdapterGrants(string portCall, string function)
    {
        var environment = Template.Environment(function);
        string Target(string variable) => Template.ResourceName(environment[variable]);
        var bucket = Template.Single("AWS::S3::Bucket");
        return portCall switch
        {
            // A pinned version is read with GetObjectVersion, an unpinned one with GetObject; without
            // ListBucket S3 answers a missing key with 403, which the store could not tell from a denial
            // (it maps 404 to ObjectNotFoundException, a permanent rejection).
            "IObjectStore.ReadPrefixAsync" or "IObjectStore.OpenReadAsync" =>
                [new("s3:GetObject", bucket + "/*"), new("s3:GetObjectVersion", bucket + "/*"), new("s3:ListBucket", bucket)],
            // SendMessageBatch is authorised as sqs:SendMessage.
            "IJobQueue.SendBatchAsync" => [new("sqs:SendMessage", Target(FunctionEnvironment.QueueUrl))],
            "IMessageVisibility.ChangeVisibilityAsync" => [new("sqs:ChangeMessageVisibility", Target(FunctionEnvironment.QueueUrl))],
            "ILedger.TryRecordRejectedAsync" or "ILedger.TryRecordAcceptedAsync" => [new("dynamodb:PutItem", Target(FunctionEnvironment.FilesTableName))],
            "ILedger.TryRecordFailedAsync" => [new("dynamodb:UpdateItem", Target(FunctionEnvironment.FilesTableName))],
            "IWorkflowStarter.StartSyncExecutionAsync" => [new("states:StartSyncExecution", Target(FunctionEnvironment.StateMachineArn))],
            _ => throw new InvalidDataException($"No IAM mapping for {portCall}: add the actions its AWS adapter makes."),
        };
    }

    /// <summary>An SQS event source mapping polls with the function's role.</summary>
    private static IEnumerable<Grant> EventSourceGrants(string function) =>
        (Template.Properties(function)["Events"]?.AsObject() ?? [])
            .Where(e => (string?)e.Value!["Type"] == "SQS")
            .SelectMany(e => new[] { "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes" }
                .Select(action => new Grant(action, Template.ResourceName(e.Value!["Properties"]!["Queue"]))));

    /// <summary>Lambda sends a failed asynchronous event to the OnFailure destination with the function's role.</summary>
    private static IEnumerable<Grant> DestinationGrants(string function) =>
        Template.Properties(function)["EventInvokeConfig"]?["DestinationConfig"]?["OnFailure"] is JsonObject onFailure
            ? [new Grant((string?)onFailure["Type"] == "SQS" ? "sqs:SendMessage" : "unmapped destination type", Template.ResourceName(onFailure["Destination"]))]
            : [];

    /// <summary>Its own log group (the role cannot create others) and, with active tracing, X-Ray.</summary>
    private static IEnumerable<Grant> RuntimeGrants(string function)
    {
        var logGroup = Template.ResourceName(Template.Properties(function)["LoggingConfig"]?["LogGroup"]);
        IEnumerable<Grant> logs = [new("logs:CreateLogStream", logGroup), new("logs:PutLogEvents", logGroup)];
        return (string?)Template.FunctionProperty(function, "Tracing") == "Active"
            ? logs.Concat(FunctionTracing.Select(action => new Grant(action, "*")))
            : logs;
    }

    /// <summary>The IAM a Step Functions service integration makes, on the resource its Parameters name.</summary>
    private static IEnumerable<Grant> IntegrationGrants(JsonObject task, JsonObject machine)
    {
        string Substituted(string parameter)
        {
            var value = (string)task["Parameters"]![parameter]!;
            Assert.StartsWith("${", value, StringComparison.Ordinal);
            return Template.ResourceName(machine["DefinitionSubstitutions"]![value[2..^1]]);
        }

        var resource = (string)task["Resource"]!;
        const string DynamoDb = "arn:aws:states:::dynamodb:";
        if (resource.StartsWith(DynamoDb, StringComparison.Ordinal))
        {
            var operation = resource[DynamoDb.Length..];
            return [new Grant("dynamodb:" + char.ToUpperInvariant(operation[0]) + operation[1..], Substituted("TableName"))];
        }

        return resource switch
        {
            // Step Functions documents both the function and its qualified versions/aliases.
            "arn:aws:states:::lambda:invoke" => [new("lambda:InvokeFunction", Substituted("FunctionName")), new("lambda:InvokeFunction", Substituted("FunctionName") + ":*")],
            _ => throw new InvalidDataException($"No IAM mapping for the task resource {resource}."),
        };
    }

    /// <summary>Every Task state, including those inside Parallel branches and Map processors.</summary>
    private static List<JsonObject> TaskResources()
    {
        static IEnumerable<JsonObject> Walk(JsonObject? states) =>
            (states ?? []).Select(s => s.Value!.AsObject()).SelectMany(state =>
                (state["Branches"]?.AsArray().Select(b => b!["States"]!.AsObject()) ?? [])
                    .Append(state["ItemProcessor"]?["States"]?.AsObject())
                    .Append(state["Iterator"]?["States"]?.AsObject())
                    .SelectMany(Walk)
                    .Prepend(state))
                .Where(state => (string?)state["Type"] == "Task");

        return [.. Walk(RepositoryFiles.ReadJson(DefinitionPath())["States"]!.AsObject())];
    }

    internal static string DefinitionPath()
    {
        var machine = Template.Single(SamTemplate.StateMachineType);
        var target = $"$.Resources.{machine}.Properties.Definition=";
        var substitutions = (string)RepositoryFiles.ReadJson("aws-lambda-tools-defaults.json")["template-substitutions"]!;
        var entry = Assert.Single(substitutions.Split(';'), s => s.StartsWith(target, StringComparison.Ordinal));
        return entry[target.Length..];
    }

    private static List<string> Sorted(IEnumerable<Grant> grants) => [.. grants.Select(g => g.ToString()).Order(StringComparer.Ordinal)];
}
