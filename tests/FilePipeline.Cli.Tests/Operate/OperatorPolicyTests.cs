using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FilePipeline.Cli.Tests.Pipeline;
using FilePipeline.Testing;

namespace FilePipeline.Cli.Tests.Operate;

/// <summary>
/// docs/operate.md's IAM policy for a person operating the stack allows exactly the actions the
/// operating commands call: every command runs against serve through the recording gateway, and
/// the recorded actions are compared with the policy's.
/// </summary>
public sealed partial class OperatorPolicyTests
{
    [Fact]
    public async Task The_documented_policy_allows_exactly_the_calls_the_operating_commands_make()
    {
        await using var deployed = await StackCommandsOverServeTests.DeployedDouble.StartAsync();
        var cli = deployed.Cli;
        using var sqs = deployed.Sqs();
        var deadLetters = (await sqs.GetQueueUrlAsync("filepipeline-dlq")).QueueUrl;
        await sqs.SendMessageAsync(deadLetters, StackCommandsOverServeTests.DeployedDouble.WorkMessage);
        var single = (await sqs.SendMessageAsync(deadLetters, StackCommandsOverServeTests.DeployedDouble.WorkMessage)).MessageId;
        await sqs.SendMessageAsync((await sqs.GetQueueUrlAsync("filepipeline-failed-invokes")).QueueUrl, StackCommandsOverServeTests.DeployedDouble.FailedInvocation);
        var sample = CliHarness.Sample("customer-data.csv");
        var commands = new[]
        {
            new[] { "upload", sample, "--key", "in/first.csv" },
            ["process", sample],
            ["files"],
            ["executions", "list"],
            ["dlq", "list"],
            ["dlq", "redrive", single],
            ["dlq", "redrive", "--all"],
            ["dlq", "purge"],
        };
        foreach (var command in commands)
        {
            var result = await cli.RunAsync([.. command, "--stack", "filepipeline"]);
            Assert.True(result.ExitCode is 0 or 1 && !result.Error.Contains("AWS refused", StringComparison.Ordinal), string.Join(' ', command) + ": " + result.Error);
        }

        var name = (string)JsonNode.Parse((await cli.RunAsync("executions", "list", "--stack", "filepipeline", "--json")).Output.Split('\n')[0])!["name"]!;
        Assert.Equal(0, (await cli.RunAsync("executions", "show", name, "--stack", "filepipeline")).ExitCode);

        // GetCallerIdentity needs no permission: AWS answers it for any valid credentials.
        var called = deployed.Gateway.Actions.Keys.Where(a => a != "sts:GetCallerIdentity").Order(StringComparer.Ordinal).ToList();
        var allowed = PolicyActions().Order(StringComparer.Ordinal).ToList();
        Assert.True(called.SequenceEqual(allowed), $"called: {string.Join(", ", called)}; the policy allows: {string.Join(", ", allowed)}");
    }

    [Fact]
    public void The_policy_names_every_action_and_resource_without_wildcards_or_managed_policies()
    {
        var statements = Policy()["Statement"]!.AsArray();

        Assert.All(statements, statement =>
        {
            Assert.Equal("Allow", (string?)statement!["Effect"]);
            Assert.All(Strings(statement["Action"]), action => Assert.DoesNotContain("*", action, StringComparison.Ordinal));
            Assert.All(Strings(statement["Resource"]), resource => Assert.Matches(ResourceArn(), resource));
        });
        Assert.DoesNotContain("arn:aws:iam::aws:policy", File.ReadAllText(RepositoryRoot.Combine("docs/operate.md")), StringComparison.Ordinal);
    }

    private static IEnumerable<string> PolicyActions() => Policy()["Statement"]!.AsArray().SelectMany(s => Strings(s!["Action"])).Distinct(StringComparer.Ordinal);

    private static JsonObject Policy()
    {
        var text = File.ReadAllText(RepositoryRoot.Combine("docs/operate.md"));
        var block = PolicyBlock().Match(text);
        Assert.True(block.Success, "docs/operate.md has no ```json block with the operator policy.");
        return JsonNode.Parse(block.Groups[1].Value)!.AsObject();
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(n => (string)n!),
        JsonValue value => [(string)value!],
        _ => [],
    };

    [GeneratedRegex("```json\\n(\\{[^`]*\"Statement\"[^`]*\\})\\n```", RegexOptions.Singleline)]
    private static partial Regex PolicyBlock();

    // A specific resource of the stack: a service, the stack's region and account placeholders, and a named resource (a trailing * only for a log group's streams, a bucket's objects or a generated function name).
    [GeneratedRegex(@"^arn:aws:(dynamodb|sqs|logs|lambda):REGION:ACCOUNT:[A-Za-z/:_.-]*STACK[A-Za-z/:_.-]*\*?$|^arn:aws:s3:::[a-z-]+ACCOUNT-REGION/\*$")]
    private static partial Regex ResourceArn();
}
