using System.Text.Json.Nodes;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Core;
using FilePipeline.Host;
using FilePipeline.Host.Template;
using FilePipeline.Local;

namespace FilePipeline.Cli.Tests.Pipeline;

public sealed class DlqCommandTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public async Task A_parked_message_for_a_file_already_PROCESSED_is_listed_as_such_and_its_redrive_ends_DUPLICATE_leaving_the_record_alone()
    {
        var processed = await cli.RunAsync("process", cli.WriteFile("orders.csv", "id,amount\n1,2.50\n"), "--json");
        Assert.Equal(0, processed.ExitCode);
        var (bucket, key, eTag) = FileRef.ParseFileId(Assert.Single((await cli.RunAsync("files", "--json")).JsonLines)["fileId"]!.GetValue<string>());
        await ParkAsync(new JsonObject { ["bucket"] = bucket, ["key"] = key, ["eTag"] = eTag, ["size"] = 18 }.ToJsonString());

        var listed = await cli.RunAsync("dlq", "list");
        var listedJson = await cli.RunAsync("dlq", "list", "--json");
        var redrive = await cli.RunAsync("dlq", "redrive", "--all");
        var run = await cli.RunAsync("run", "--until-idle");
        var files = await cli.RunAsync("files", "--json");
        var empty = await cli.RunAsync("dlq", "list");

        Assert.Contains("already PROCESSED: a redrive ends DUPLICATE", listed.Output, StringComparison.Ordinal);
        Assert.Equal("PROCESSED", Assert.Single(listedJson.JsonLines)["ledgerStatus"]!.GetValue<string>());
        Assert.Contains("1 of the moved messages are for files the ledger already shows settled", redrive.Output, StringComparison.Ordinal);
        Assert.Equal(0, run.ExitCode);
        var record = Assert.Single(files.JsonLines);
        Assert.Equal(("PROCESSED", 1), (record["status"]!.GetValue<string>(), record["attempts"]!.GetValue<int>()));
        Assert.Contains("(the DLQ is empty)", empty.Output, StringComparison.Ordinal);
    }

    private async Task ParkAsync(string body)
    {
        var options = new LocalHostOptions
        {
            StateDirectory = cli.StateDirectory,
            TemplatePath = Path.Combine(AppContext.BaseDirectory, PipelineTemplate.TemplateFileName),
            FunctionLog = TextWriter.Null,
        };
        using var pipeline = await LocalPipelines.OpenAsync(options, backend: null, CancellationToken.None);
        await ((EmbeddedBackend)pipeline.State).Queues.SendMessageAsync(pipeline.Template.DeadLetterQueue.Name, body, CancellationToken.None);
    }
}
