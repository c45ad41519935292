using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.Annotations.TemplateSync;
using FilePipeline.Functions.Runtime;
using FilePipeline.Host;
using FilePipeline.Host.Template;
using FilePipeline.Lambda.Composition;
using FilePipeline.Lambda.Metrics;
using FilePipeline.Lambda.Runtime;
using FilePipeline.Local;
using FilePipeline.Testing;
using Microsoft.Extensions.Time.Testing;
using Pipeline = FilePipeline.Functions.GeneratedLambdaFunctions;
using ThisProject = FilePipeline.Annotations.Tests.GeneratedLambdaFunctions;

namespace FilePipeline.Annotations.Tests.Hosts;

/// <summary>
/// <see cref="Sample.GreetFunction"/>, declared in this project with one attribute: its resource is
/// in the generated template fragment, and both hosts invoke it by name through the registries.
/// </summary>
public sealed class TestProjectFunctionTests : IDisposable
{
    private static readonly LambdaFunctionRegistry Registry = Pipeline.Registry.Concat(ThisProject.Registry);
    private readonly string directory = Directory.CreateTempSubdirectory("annotations-").FullName;
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void The_function_appears_in_the_generated_template_fragment_with_what_its_attribute_says()
    {
        var resource = JsonNode.Parse(ThisProject.TemplateFragment)!["Resources"]!["GreetFunction"]!;

        Assert.Equal("AWS::Serverless::Function", (string?)resource["Type"]);
        Assert.Equal("FilePipeline.Annotations", (string?)resource["Metadata"]!["Tool"]);
        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""{"Timeout":5,"MemorySize":128,"Policies":["AWSLambdaBasicExecutionRole"],"Environment":{"Variables":{"ANNOTATIONS_HANDLER":"Greet"}}}"""),
            resource["Properties"]));
        Assert.Equal(["Greet"], ThisProject.Registry.Names);
    }

    [Fact]
    public async Task The_local_host_finds_the_synchronised_resource_by_name_and_invokes_it_through_the_registry()
    {
        using var pipeline = await OpenLocalPipelineAsync();
        var function = pipeline.Functions.Find("GreetFunction") ?? throw new InvalidOperationException("GreetFunction is not in the template.");

        var first = JsonNode.Parse(await pipeline.Functions.InvokeAsync(function, """{"name":"Ada"}"""))!;
        var second = JsonNode.Parse(await pipeline.Functions.InvokeAsync(function, """{"name":"Grace"}"""))!;

        Assert.Equal("Greet", function.Handler);
        Assert.Equal(TimeSpan.FromSeconds(5), function.Timeout);
        Assert.Equal("Hello, Ada!", (string?)first["message"]);
        Assert.Equal("Hello, Grace!", (string?)second["message"]);
        Assert.Equal(2, (int)second["invocation"]!);
        await Assert.ThrowsAsync<ArgumentException>(() => pipeline.Functions.InvokeAsync(function, """{"name":""}"""));
    }

    [Fact]
    public async Task The_lambda_bootstrap_selects_it_by_ANNOTATIONS_HANDLER_and_posts_its_response()
    {
        Assert.Equal("""response: {"message":"Hello, Ada!","requestId":"req-1","invocation":1}""", await RunBootstrapAsync("""{"name":"Ada"}"""));
    }

    [Fact]
    public async Task The_lambda_bootstrap_reports_its_exception_as_an_error_named_after_the_exception_type()
    {
        Assert.Equal("error: ArgumentException", await RunBootstrapAsync("""{"name":null}"""));
    }

    private async Task<string> RunBootstrapAsync(string payload)
    {
        var environment = new Dictionary<string, string?> { [LambdaFunctionRegistry.HandlerVariable] = "Greet" };
        var runtime = new OneInvocationRuntime(new Invocation("req-1", time.GetUtcNow().AddSeconds(5), "arn:aws:lambda:eu-west-1:123456789012:function:greet", null, null, null, Encoding.UTF8.GetBytes(payload)));
        var metrics = new EmbeddedMetricWriter(TextWriter.Null, time, "greet");
        var bootstrap = new LambdaBootstrap(runtime, new BootstrapSettings("greet", new JsonLambdaLogger(TextWriter.Null, time), time) { SetEnvironmentVariable = (_, _) => { } });
        using var stop = new CancellationTokenSource();
        var run = bootstrap.RunAsync(
            () => AwsFunctionServices.Create(Registry, environment[LambdaFunctionRegistry.HandlerVariable], name => environment.GetValueOrDefault(name), metrics, time),
            stop.Token);
        var posted = await runtime.Posted.WaitAsync(TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        return posted;
    }

    /// <summary>A copy of the repository's stack with both projects' fragments synchronised into its template, opened by the local host.</summary>
    private async Task<LocalPipeline> OpenLocalPipelineAsync()
    {
        var fragment = JsonNode.Parse(Pipeline.TemplateFragment)!.AsObject();
        var greet = JsonNode.Parse(ThisProject.TemplateFragment)!["Resources"]!["GreetFunction"]!.DeepClone();
        fragment["Resources"]!["GreetFunction"] = greet;
        var template = ServerlessTemplateSynchronizer.Synchronize(await File.ReadAllTextAsync(RepositoryRoot.Combine(PipelineTemplate.TemplateFileName)), fragment.ToJsonString());
        await File.WriteAllTextAsync(Path.Combine(directory, PipelineTemplate.TemplateFileName), template);
        File.Copy(RepositoryRoot.Combine(PipelineTemplate.ToolsDefaultsFileName), Path.Combine(directory, PipelineTemplate.ToolsDefaultsFileName));
        Directory.CreateDirectory(Path.Combine(directory, "statemachine"));
        foreach (var definition in Directory.GetFiles(RepositoryRoot.Combine("statemachine")))
        {
            File.Copy(definition, Path.Combine(directory, "statemachine", Path.GetFileName(definition)));
        }

        var options = new LocalHostOptions
        {
            StateDirectory = Path.Combine(directory, "state"),
            TemplatePath = Path.Combine(directory, PipelineTemplate.TemplateFileName),
            Time = time,
            FunctionLog = TextWriter.Null,
            FunctionRegistry = Registry,
        };
        var embedded = new EmbeddedBackend(options.StateDirectory, options.BusyTimeout, options.Time);
        return await LocalPipeline.OpenAsync(options, embedded, embedded.Executions, embedded);
    }
}
