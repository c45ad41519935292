using FilePipeline.Aws.CloudFormation;
using FilePipeline.Aws.Stack;

namespace FilePipeline.Aws.Tests.Stack;

public sealed class GeneratedNamesTests
{
    private static readonly StackDescription Deployed = new("fp", "UPDATE_COMPLETE", new Dictionary<string, string>
    {
        ["WorkQueueUrl"] = "https://sqs.eu-west-1.amazonaws.com/111122223333/fp-WorkQueue-9XW2Y0ZQ1",
        ["MachineArn"] = "arn:aws:states:eu-west-1:111122223333:stateMachine:FileProcessingStateMachine-Ab12",
        ["TableName"] = "fp-FilesTable-1OQ7",
    });

    [Fact]
    public async Task Names_the_template_gives_need_no_CloudFormation_call()
    {
        var calls = 0;

        var names = await GeneratedNames.ResolveAsync("fp", [new("WorkQueue", StackResourceKind.Queue, "fp-work", "WorkQueueUrl")], (_, _) => { calls++; return Task.FromResult(Deployed); }, CancellationToken.None);

        Assert.Empty(names);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task Generated_names_come_from_the_outputs_that_return_them()
    {
        var names = await GeneratedNames.ResolveAsync(
            "fp",
            [new("WorkQueue", StackResourceKind.Queue, null, "WorkQueueUrl"), new("Machine", StackResourceKind.StateMachine, null, "MachineArn"), new("FilesTable", StackResourceKind.Table, null, "TableName")],
            (_, _) => Task.FromResult(Deployed),
            CancellationToken.None);

        Assert.Equal("fp-WorkQueue-9XW2Y0ZQ1", names["WorkQueue"]);
        Assert.Equal("FileProcessingStateMachine-Ab12", names["Machine"]);
        Assert.Equal("fp-FilesTable-1OQ7", names["FilesTable"]);
    }

    [Fact]
    public async Task An_unnamed_resource_without_an_output_is_named_in_the_error()
    {
        var error = await Assert.ThrowsAsync<StackResourceUnresolvedException>(() => GeneratedNames.ResolveAsync(
            "fp", [new("DeadLetterQueue", StackResourceKind.Queue, null, null)], (_, _) => Task.FromResult(Deployed), CancellationToken.None));
        var missingOutput = await Assert.ThrowsAsync<StackResourceUnresolvedException>(() => GeneratedNames.ResolveAsync(
            "fp", [new("DeadLetterQueue", StackResourceKind.Queue, null, "DeadLetterQueueUrl")], (_, _) => Task.FromResult(Deployed), CancellationToken.None));

        Assert.Contains("the template gives DeadLetterQueue no name and no output returns it", error.Message, StringComparison.Ordinal);
        Assert.Contains("stack 'fp' has no output DeadLetterQueueUrl", missingOutput.Message, StringComparison.Ordinal);
    }
}
