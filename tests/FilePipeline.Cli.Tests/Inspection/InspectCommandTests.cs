using System.CommandLine;
using System.Text;
using System.Text.Json;
using FilePipeline.Cli.Commands;

namespace FilePipeline.Cli.Tests.Inspection;

/// <summary>The command as a user runs it: arguments in, text and an exit code out.</summary>
public sealed class InspectCommandTests : IDisposable
{
    private static readonly string CustomerData = Path.Combine(AppContext.BaseDirectory, "samples", "customer-data.csv");
    private static readonly string Malformed = Path.Combine(AppContext.BaseDirectory, "samples", "malformed.csv");

    private readonly string folder = Directory.CreateTempSubdirectory("inspect-tests").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task The_sample_file_is_reported_for_people()
    {
        var (exitCode, output, error) = await RunAsync("inspect", CustomerData);

        Assert.Equal(0, exitCode);
        Assert.Empty(error);
        Assert.StartsWith(CustomerData + "\n", output, StringComparison.Ordinal);
        Assert.Matches(@"rows\s+5\n", output);
        Assert.Matches(@"columns\s+5\n", output);
        Assert.Matches(@"bytes\s+306\n", output);
        Assert.Matches(@"checksum\s+xxh128:[0-9a-f]{32}\n", output);
        Assert.Matches(@"ragged rows\s+0\n", output);
        Assert.Matches(@"elapsed\s+\S+ m?s \(", output);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal); // no colour or progress when not a terminal
    }

    [Fact]
    public async Task Json_output_is_one_object_per_file_in_the_documented_shape()
    {
        var (exitCode, output, _) = await RunAsync("inspect", "--json", CustomerData, CustomerData);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var json = JsonDocument.Parse(lines[0]);
        var root = json.RootElement;
        Assert.Equal(
            ["file", "rowCount", "columnCount", "header", "bytes", "checksum", "raggedRows", "firstRaggedLine"],
            root.EnumerateObject().Select(property => property.Name));
        Assert.Equal(CustomerData, root.GetProperty("file").GetString());
        Assert.Equal(5, root.GetProperty("rowCount").GetInt64());
        Assert.Equal(5, root.GetProperty("columnCount").GetInt32());
        Assert.Equal("customer_id", root.GetProperty("header")[0].GetString());
        Assert.Equal(306, root.GetProperty("bytes").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("firstRaggedLine").ValueKind);
    }

    [Fact]
    public async Task A_malformed_file_exits_2_and_names_the_line()
    {
        var (exitCode, output, error) = await RunAsync("inspect", "--json", Malformed);

        Assert.Equal(2, exitCode);
        Assert.Empty(error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["file", "error", "line", "reason"], root.EnumerateObject().Select(property => property.Name));
        Assert.Equal("InvalidCsv", root.GetProperty("error").GetString());
        Assert.Equal(3, root.GetProperty("line").GetInt64());
        Assert.Contains("quote", root.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_file_is_reported_even_after_an_invalid_one()
    {
        var (exitCode, output, _) = await RunAsync("inspect", Malformed, CustomerData);

        Assert.Equal(2, exitCode);
        Assert.Contains("invalid      InvalidCsv at line 3: a quote inside an unquoted field", output, StringComparison.Ordinal);
        Assert.Matches(@"rows\s+5\n", output);
    }

    [Fact]
    public async Task Empty_and_binary_files_are_invalid_with_their_error_names()
    {
        var empty = Write("empty.csv", []);
        var binary = Write("binary.csv", [(byte)'a', (byte)'\n', (byte)'b', 0, 1, 2]);

        var (exitCode, output, _) = await RunAsync("inspect", "--json", empty, binary);

        Assert.Equal(2, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal("Empty", lines[0].GetProperty("error").GetString());
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("line").ValueKind);
        Assert.Equal("Binary", lines[1].GetProperty("error").GetString());
        Assert.Equal(2, lines[1].GetProperty("line").GetInt64());
    }

    [Fact]
    public async Task Ragged_rows_are_shown_with_their_first_line()
    {
        var file = Write("ragged.csv", Encoding.UTF8.GetBytes("a,b\n1,2\n3\n4,5,6\n"));

        var (exitCode, output, _) = await RunAsync("inspect", file);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"ragged rows\s+2 \(first at line 3\)\n", output);
    }

    [Theory]
    [InlineData(";", "a;b\n1;\"x;y\"\n")]
    [InlineData("tab", "a\tb\n1\t2,3\n")]
    [InlineData("\\t", "a\tb\n1\t2,3\n")]
    public async Task The_delimiter_option_splits_fields(string delimiter, string text)
    {
        var file = Write("delimited.csv", Encoding.UTF8.GetBytes(text));

        var (exitCode, output, _) = await RunAsync("inspect", "--json", "--delimiter", delimiter, file);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(2, json.RootElement.GetProperty("columnCount").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("raggedRows").GetInt64());
    }

    [Fact]
    public async Task No_header_counts_the_first_record_as_a_row()
    {
        var (_, output, _) = await RunAsync("inspect", "--json", "--no-header", CustomerData);

        using var json = JsonDocument.Parse(output);
        Assert.Equal(6, json.RootElement.GetProperty("rowCount").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("header").GetArrayLength());
    }

    [Fact]
    public async Task A_missing_file_is_a_usage_error_and_nothing_is_inspected()
    {
        var missing = Path.Combine(folder, "missing.csv");

        var (exitCode, output, error) = await RunAsync("inspect", CustomerData, missing);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains($"{missing} does not exist", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_is_a_usage_error()
    {
        var (exitCode, _, error) = await RunAsync("inspect", folder);

        Assert.Equal(1, exitCode);
        Assert.Contains("is a directory", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("\"")]
    [InlineData("é")]
    public async Task A_bad_delimiter_is_a_usage_error(string delimiter)
    {
        var (exitCode, output, error) = await RunAsync("inspect", "--delimiter", delimiter, CustomerData);

        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("--delimiter", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_file_at_all_is_a_usage_error()
    {
        var (exitCode, _, error) = await RunAsync("inspect");

        Assert.Equal(1, exitCode);
        Assert.NotEmpty(error);
    }

    [Fact]
    public void The_catalog_offers_inspect()
    {
        Assert.Contains(CommandCatalog.All(), command => command.Name == "inspect");
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task A_FIFO_is_refused_at_once_instead_of_waiting_for_a_writer()
    {
        var fifo = Path.Combine(Path.GetTempPath(), $"fp-fifo-{Guid.NewGuid():N}.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", fifo))
        {
            await mkfifo.WaitForExitAsync();
        }

        try
        {
            var (exitCode, _, error) = await RunAsync("inspect", fifo).WaitAsync(TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            Assert.Contains("is a FIFO (named pipe), not a regular file", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(fifo);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var root = new RootCommand { InspectCommand.Create() };
        var exitCode = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
