using System.Text.Json.Nodes;

namespace FilePipeline.Deployment.Tests;

/// <summary>aws-lambda-tools-defaults.json gives <c>dotnet lambda deploy-serverless</c> everything but the account's artifact bucket.</summary>
public class DeployDefaultsTests
{
    private static readonly JsonObject Defaults = RepositoryFiles.ReadJson("aws-lambda-tools-defaults.json");

    [Fact]
    public void The_defaults_name_the_template_and_a_stack_and_leave_the_build_to_the_function_folder()
    {
        Assert.True(File.Exists(RepositoryFiles.PathOf((string)Defaults["template"]!)));
        Assert.False(string.IsNullOrWhiteSpace((string?)Defaults["stack-name"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)Defaults["s3-prefix"]));
        // The tool applies these only to a CodeUri of "."; elsewhere they would only mislead.
        Assert.Null(Defaults["msbuild-parameters"]);
        Assert.Null(Defaults["framework"]);
        Assert.Null(Defaults["configuration"]);
    }

    [Fact]
    public void The_definition_is_substituted_into_the_empty_placeholder_of_the_state_machine()
    {
        var template = SamTemplate.Load();
        var machine = template.Properties(template.Single(SamTemplate.StateMachineType));

        Assert.Empty(machine["Definition"]!.AsObject());
        Assert.Null(machine["DefinitionUri"]);
        Assert.True(File.Exists(RepositoryFiles.PathOf(LeastPrivilegeTests.DefinitionPath())));
    }
}
