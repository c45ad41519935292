using Microsoft.Data.Sqlite;

namespace FilePipeline.Cli.Tests.Pipeline;

/// <summary>A state directory that cannot be used ends a command with exit 4 and words saying what to do, never a stack trace, and is left as it was.</summary>
public sealed class StateDirectoryErrorTests : IDisposable
{
    private readonly CliHarness cli = new();

    public void Dispose() => cli.Dispose();

    private string DatabasePath => Path.Combine(cli.StateDirectory, "filepipeline.db");

    private static void AssertRefused(CliResult result, string words)
    {
        Assert.Equal(4, result.ExitCode);
        Assert.Contains(words, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_dir_that_is_a_file_is_refused_in_our_words()
    {
        File.WriteAllText(cli.StateDirectory, "not a directory");
        try
        {
            AssertRefused(await cli.RunAsync("files"), "is a file, not a directory");
        }
        finally
        {
            File.Delete(cli.StateDirectory);
        }
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public async Task A_database_that_is_not_a_database_or_is_truncated_is_refused_and_left_untouched(string damage)
    {
        await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"));
        SqliteConnection.ClearAllPools();
        foreach (var sidecar in new[] { "-wal", "-shm" })
        {
            File.Delete(DatabasePath + sidecar);
        }

        if (damage == "garbage")
        {
            File.WriteAllText(DatabasePath, new string('x', 8192));
        }
        else
        {
            using var file = File.OpenWrite(DatabasePath);
            file.SetLength(5000);
        }

        var before = File.ReadAllBytes(DatabasePath);
        AssertRefused(await cli.RunAsync("files"), "is not a readable FilePipeline database");
        Assert.Equal(before, File.ReadAllBytes(DatabasePath));
    }

    [Fact]
    public async Task A_database_lost_beside_stored_objects_is_refused_never_started_afresh()
    {
        await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"));
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(cli.StateDirectory, "filepipeline.db*"))
        {
            File.Delete(file);
        }

        AssertRefused(await cli.RunAsync("process", CliHarness.Sample("customer-data.csv")), "would process every file again");
    }

    [Fact]
    public async Task Another_programs_SQLite_database_is_refused()
    {
        Directory.CreateDirectory(cli.StateDirectory);
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE invoices(id INTEGER)";
            create.ExecuteNonQuery();
        }

        AssertRefused(await cli.RunAsync("files"), "not FilePipeline's");
    }

    [Fact]
    public async Task A_database_from_before_executions_kept_their_definition_is_migrated_and_keeps_its_rows()
    {
        Directory.CreateDirectory(cli.StateDirectory);
        using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=false"))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE executions(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, execution_arn TEXT NULL, file_id TEXT NULL,
                    version_id TEXT NULL, status TEXT NOT NULL, input TEXT NOT NULL, output TEXT NULL, outcome TEXT NULL, error TEXT NULL,
                    cause TEXT NULL, start_date INTEGER NOT NULL, stop_date INTEGER NULL, host_pid INTEGER NOT NULL);
                INSERT INTO executions(name, status, input, start_date, stop_date, host_pid) VALUES ('old-run', 'SUCCEEDED', '{}', 1700000000000, 1700000001000, 1);
                """;
            create.ExecuteNonQuery();
        }

        var listed = await cli.RunAsync("executions", "list");
        var processed = await cli.RunAsync("process", CliHarness.Sample("customer-data.csv"));

        Assert.Equal((0, 0), (listed.ExitCode, processed.ExitCode));
        Assert.Contains("old-run", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_setting_out_of_range_is_a_clear_usage_error()
    {
        var template = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "serverless.template"))
            .Replace("\"VisibilityTimeout\": 2160", "\"VisibilityTimeout\": 999999", StringComparison.Ordinal);
        var directory = Path.Combine(cli.StateDirectory + "-input");
        Directory.CreateDirectory(directory);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "aws-lambda-tools-defaults.json"), Path.Combine(directory, "aws-lambda-tools-defaults.json"));
        Directory.CreateDirectory(Path.Combine(directory, "statemachine"));
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "statemachine")))
        {
            File.Copy(file, Path.Combine(directory, "statemachine", Path.GetFileName(file)));
        }

        var path = Path.Combine(directory, "serverless.template");
        File.WriteAllText(path, template);
        var result = await cli.RunAsync("files", "--template", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("VisibilityTimeout is invalid", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }
}
