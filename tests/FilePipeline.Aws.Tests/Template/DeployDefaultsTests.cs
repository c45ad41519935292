using System.Text.Json.Nodes;

namespace FilePipeline.Aws.Tests.Template;

/// <summary>aws-lambda-tools-defaults.json gives <c>dotnet lambda deploy-serverless</c> everything but the account's artifact bucket.</summary>
public class DeployDefaultsTests
{
    private static readonly JsonObject Defaults = RepositoryFiles.ReadJson("aws-lambda-tools-defaults.json");

    [Fact]
    public void The_defaults_name_the_template_a_stack_and_the_framework_the_projects_target()
    {
        var targetFramework = System.Xml.Linq.XDocument.Load(RepositoryFiles.PathOf("Directory.Build.props")).Descendants("TargetFramework").Single().Value;

        Assert.True(File.Exists(RepositoryFiles.PathOf((string)Defaults["template"]!)));
        Assert.False(string.IsNullOrWhiteSpace((string?)Defaults["stack-name"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)Defaults["s3-prefix"]));
        Assert.Equal(targetFramework, (string?)Defaults["framework"]);
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

    [Fact]
    public void The_functions_are_published_self_contained_with_Native_AOT_from_the_Lambda_project()
    {
        var template = SamTemplate.Load();
        var parameters = ((string)Defaults["msbuild-parameters"]!).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var codeUri = (string)template.Root["Globals"]!["Function"]!["CodeUri"]!;

        Assert.Contains("-p:PublishAot=true", parameters);
        Assert.Equal("true", parameters[Array.IndexOf(parameters, "--self-contained") + 1]);
        Assert.Single(Directory.GetFiles(RepositoryFiles.PathOf(codeUri), "*.csproj"));
        Assert.All(template.OfType(SamTemplate.FunctionType), f => Assert.Null(template.Properties(f)["CodeUri"]));
    }
}
