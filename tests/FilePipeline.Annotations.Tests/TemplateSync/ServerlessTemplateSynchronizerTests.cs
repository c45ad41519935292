using System.Text.Json.Nodes;
using FilePipeline.Annotations.TemplateSync;
using FilePipeline.Testing;
using Pipeline = FilePipeline.Functions.GeneratedLambdaFunctions;

namespace FilePipeline.Annotations.Tests.TemplateSync;

public sealed class ServerlessTemplateSynchronizerTests
{
    private const string Fragment = """
        {"Resources":{"GreetFunction":{"Type":"AWS::Serverless::Function","Metadata":{"Tool":"FilePipeline.Annotations"},
          "Properties":{"Timeout":5,"Role":{"Fn::GetAtt":["GreetRole","Arn"]},"Environment":{"Variables":{"ANNOTATIONS_HANDLER":"Greet"}},
            "Events":{"Jobs":{"Type":"SQS","Properties":{"Queue":{"Fn::GetAtt":["Jobs","Arn"]},"BatchSize":10,"ScalingConfig":{"MaximumConcurrency":5}}}}}}}}
        """;

    [Fact]
    public void The_committed_template_is_in_sync_with_the_pipelines_attributes()
    {
        var template = File.ReadAllText(RepositoryRoot.Combine("serverless.template"));

        Assert.Equal(template, ServerlessTemplateSynchronizer.Synchronize(template, Pipeline.TemplateFragment));
    }

    [Fact]
    public void A_missing_function_is_created_with_Lambda_Annotations_defaults_and_the_attributes_on_top()
    {
        var function = Sync("""{"Resources":{}}""")["Resources"]!["GreetFunction"]!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""
            {"Type":"AWS::Serverless::Function",
             "Metadata":{"Tool":"FilePipeline.Annotations","SyncedEvents":["Jobs"],"SyncedEventProperties":{"Jobs":["Queue","BatchSize","ScalingConfig.MaximumConcurrency"]}},
             "Properties":{"MemorySize":512,"Timeout":5,"Role":{"Fn::GetAtt":["GreetRole","Arn"]},"Environment":{"Variables":{"ANNOTATIONS_HANDLER":"Greet"}},
               "Events":{"Jobs":{"Type":"SQS","Properties":{"Queue":{"Fn::GetAtt":["Jobs","Arn"]},"BatchSize":10,"ScalingConfig":{"MaximumConcurrency":5}}}}}}
            """), function), function.ToJsonString());
    }

    [Fact]
    public void Managed_properties_are_updated_in_place_and_the_others_are_kept()
    {
        var function = Sync("""
            {"Resources":{"GreetFunction":{"Type":"AWS::Serverless::Function","Metadata":{"Tool":"FilePipeline.Annotations"},
              "Properties":{"Description":"kept","Timeout":60,"Policies":["AWSLambdaBasicExecutionRole"],"Environment":{"Variables":{"QUEUE_URL":"kept","ANNOTATIONS_HANDLER":"Old"}},"EventInvokeConfig":{"MaximumRetryAttempts":0}}}}}
            """)["Resources"]!["GreetFunction"]!["Properties"]!.AsObject();

        Assert.Equal(["Description", "Timeout", "Environment", "EventInvokeConfig", "Role", "Events"], function.Select(p => p.Key));
        Assert.Equal(5, (int)function["Timeout"]!);
        Assert.Equal("kept", (string?)function["Environment"]!["Variables"]!["QUEUE_URL"]);
        Assert.Equal("Greet", (string?)function["Environment"]!["Variables"]!["ANNOTATIONS_HANDLER"]);
        Assert.Equal(0, (int)function["EventInvokeConfig"]!["MaximumRetryAttempts"]!);
    }

    [Fact]
    public void A_resource_of_the_same_name_without_the_marker_is_left_alone()
    {
        const string Template = """{"Resources":{"GreetFunction":{"Type":"AWS::Serverless::Function","Properties":{"Timeout":60}}}}""";

        Assert.Equal(Template, ServerlessTemplateSynchronizer.Synchronize(Template, Fragment));
    }

    [Fact]
    public void Events_and_event_properties_it_wrote_before_and_no_longer_describes_are_removed_and_hand_written_ones_kept()
    {
        var function = Sync("""
            {"Resources":{"GreetFunction":{"Type":"AWS::Serverless::Function",
              "Metadata":{"Tool":"FilePipeline.Annotations","SyncedEvents":["Jobs","Old"],"SyncedEventProperties":{"Jobs":["Queue","Enabled","FilterCriteria.Filters"]}},
              "Properties":{"Events":{
                "Jobs":{"Type":"SQS","Properties":{"Queue":"arn:aws:sqs:eu-west-1:1:jobs","Enabled":false,"FilterCriteria":{"Filters":[{"Pattern":"{}"}]}}},
                "Old":{"Type":"SQS","Properties":{"Queue":"arn:aws:sqs:eu-west-1:1:old"}},
                "Manual":{"Type":"Schedule","Properties":{"Schedule":"rate(1 day)"}}}}}}}
            """)["Resources"]!["GreetFunction"]!["Properties"]!["Events"]!.AsObject();

        Assert.Equal(["Jobs", "Manual"], function.Select(e => e.Key));
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"Queue":{"Fn::GetAtt":["Jobs","Arn"]},"BatchSize":10,"ScalingConfig":{"MaximumConcurrency":5}}"""),
            function["Jobs"]!["Properties"]));
    }

    [Fact]
    public void A_function_it_manages_that_no_attribute_describes_any_more_is_removed()
    {
        var resources = Sync("""{"Resources":{"OldFunction":{"Type":"AWS::Serverless::Function","Metadata":{"Tool":"FilePipeline.Annotations"}},"Other":{"Type":"AWS::SQS::Queue"}}}""")["Resources"]!.AsObject();

        Assert.Equal(["Other", "GreetFunction"], resources.Select(r => r.Key));
    }

    [Fact]
    public void Role_replaces_Policies_and_a_reference_to_a_parameter_becomes_a_Ref()
    {
        var function = Sync("""
            {"Parameters":{"GreetRole":{"Type":"String"}},
             "Resources":{"GreetFunction":{"Type":"AWS::Serverless::Function","Metadata":{"Tool":"FilePipeline.Annotations"},"Properties":{"Policies":["AWSLambdaBasicExecutionRole"]}}}}
            """)["Resources"]!["GreetFunction"]!["Properties"]!;

        Assert.Null(function["Policies"]);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"Ref":"GreetRole"}"""), function["Role"]));
    }

    [Fact]
    public void A_second_run_changes_nothing_and_unchanged_content_keeps_its_own_formatting()
    {
        var once = ServerlessTemplateSynchronizer.Synchronize("""{"Resources":{}}""", Fragment);
        var compact = JsonNode.Parse(once)!.ToJsonString();

        Assert.Equal(once, ServerlessTemplateSynchronizer.Synchronize(once, Fragment));
        Assert.Equal(compact, ServerlessTemplateSynchronizer.Synchronize(compact, Fragment));
    }

    private static JsonNode Sync(string template) => JsonNode.Parse(ServerlessTemplateSynchronizer.Synchronize(template, Fragment))!;
}
