using System.Text.Json.Nodes;
using FilePipeline.Testing.Tools;

namespace FilePipeline.Deployment.Tests;

/// <summary>
/// No JSON schema for SAM templates is published on npm, the one registry for such files here, so
/// the template is checked against AWS's CloudFormation resource specification instead: the
/// CloudFormation resources fully, the SAM resources by type (the specification's SAM part predates
/// properties the template uses, such as LoggingConfig and an SQS event's ScalingConfig).
/// </summary>
public class ResourceSpecificationTests
{
    private static readonly SamTemplate Template = SamTemplate.Load();

    [Fact]
    public async Task Every_CloudFormation_resource_matches_the_resource_specification()
    {
        var specification = await LoadAsync();
        var resources = Template.ResourceNodes.Where(r => !Template.TypeOf(r.Key).StartsWith("AWS::Serverless::", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(resources);
        Assert.Empty(resources.SelectMany(r => specification.Check(r.Key, Template.TypeOf(r.Key), Template.Properties(r.Key))));
    }

    [Fact]
    public async Task Every_resource_type_is_one_the_specification_knows()
    {
        var specification = await LoadAsync();

        Assert.All(Template.ResourceNodes, r => Assert.True(specification.HasResourceType(Template.TypeOf(r.Key)), Template.TypeOf(r.Key)));
    }

    [Fact]
    public async Task A_misspelt_property_a_missing_required_one_and_a_wrongly_typed_value_are_reported()
    {
        var specification = await LoadAsync();
        var queue = JsonNode.Parse("""{"QueueName": "q", "SqsManagedSSEEnabled": true, "VisibilityTimeout": "soon"}""")!.AsObject();
        var table = JsonNode.Parse("""{"KeySchema": [{"AttributeName": "fileId", "KeyType": "HASH", "Extra": 1}]}""")!.AsObject();

        var problems = specification.Check("Queue", "AWS::SQS::Queue", queue).Concat(specification.Check("Table", "AWS::DynamoDB::Table", table)).ToList();

        Assert.Contains(problems, p => p.Contains("Queue.SqsManagedSSEEnabled is not a property", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Queue.VisibilityTimeout should be a Integer", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Table.KeySchema.Extra is not a property", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }

    private static readonly Lazy<Task<ResourceSpecification>> Specification = new(ReadAsync);

    private static Task<ResourceSpecification> LoadAsync() => Specification.Value;

    private static async Task<ResourceSpecification> ReadAsync()
    {
        await NpmTools.EnsureInstalledAsync();
        await using var file = File.OpenRead(Path.Combine(NpmTools.PackageDirectory(NpmTools.ResourceSpecification), "spec", "specification.json"));
        return new ResourceSpecification((await JsonNode.ParseAsync(file))!.AsObject());
    }
}
