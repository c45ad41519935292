using System.Text;
using FilePipeline.Core.Ports;
using FilePipeline.Host;
using FilePipeline.Host.EventSources;
using FilePipeline.Host.Faults;
using FilePipeline.Host.Template;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace FilePipeline.Host.Tests.Hosting;

/// <summary>
/// A local pipeline on the repository's template in a fresh state directory, on a fake clock:
/// Retry intervals are skipped and failed messages return after <see cref="RetryDelay"/> of fake time.
/// </summary>
public sealed class PipelineFixture : IDisposable
{
    public const int RetryDelay = 5;

    private readonly List<LocalPipeline> opened = [];

    public PipelineFixture() => StateDirectory = Path.Combine(Path.GetTempPath(), "fp-host-" + Guid.NewGuid().ToString("N"));

    public static string TemplatePath => Path.Combine(AppContext.BaseDirectory, "pipeline", PipelineTemplate.TemplateFileName);

    public string StateDirectory { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public Task<LocalPipeline> OpenAsync(string? faults = null, Action<ExitFault>? exit = null) => OpenAsync(Options(faults, exit));

    public async Task<LocalPipeline> OpenAsync(LocalHostOptions options)
    {
        var pipeline = await EmbeddedPipeline.OpenAsync(options);
        opened.Add(pipeline);
        return pipeline;
    }

    public LocalHostOptions Options(string? faults = null, Action<ExitFault>? exit = null) => new LocalHostOptions
    {
        StateDirectory = StateDirectory,
        TemplatePath = TemplatePath,
        Time = Time,
        Faults = FaultPlan.Parse(faults),
        Exit = exit,
        SkipDelays = true,
        FunctionLog = TextWriter.Null,
    }.WithRetryDelay(RetryDelay);

    public static Task<ObjectInfo> UploadAsync(LocalPipeline pipeline, string key, string csv) =>
        pipeline.Objects.PutAsync(pipeline.BucketName, key, new MemoryStream(Encoding.UTF8.GetBytes(csv)), CancellationToken.None);

    /// <summary>Polls until idle, moving the fake clock past each retry delay; returns the rounds that handled something.</summary>
    public async Task<int> RunUntilIdleAsync(PipelineRunner runner, int maxRounds = 200)
    {
        var busy = 0;
        for (var round = 0; round < maxRounds; round++)
        {
            if (await runner.PollOnceAsync())
            {
                busy++;
                continue;
            }

            if (await runner.IsIdleAsync())
            {
                return busy;
            }

            Time.Advance(TimeSpan.FromSeconds(1));
        }

        throw new InvalidOperationException($"Not idle after {maxRounds} rounds.");
    }

    public void Dispose()
    {
        foreach (var pipeline in opened)
        {
            pipeline.Dispose();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(StateDirectory))
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
    }
}
