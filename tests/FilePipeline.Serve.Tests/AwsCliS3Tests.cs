using System.Security.Cryptography;
using System.Text;

namespace FilePipeline.Serve.Tests;

/// <summary>The Debian AWS CLI v2 drives serve's S3, DynamoDB and Step Functions APIs while the pipeline runs.</summary>
public sealed class AwsCliS3Tests : IAsyncLifetime
{
    private ServeFixture serve = null!;
    private AwsCli aws = null!;
    private readonly string work = Path.Combine(Path.GetTempPath(), "fp-serve-cli-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        serve = await ServeFixture.StartAsync(runPipeline: true);
        aws = new AwsCli(serve.Endpoint);
        Directory.CreateDirectory(work);
    }

    public async Task DisposeAsync()
    {
        await serve.DisposeAsync();
        Directory.Delete(work, recursive: true);
    }

    [Fact]
    public async Task S3_cp_of_a_small_csv_is_processed_and_dynamodb_get_item_shows_its_row_count()
    {
        var path = Path.Combine(work, "orders.csv");
        await File.WriteAllTextAsync(path, "id,amount\n1,10\n2,20\n3,30\n");
        await aws.RunAsync("s3", "cp", path, $"s3://{serve.Bucket}/incoming/orders.csv");

        var head = await aws.JsonAsync("s3api", "head-object", "--bucket", serve.Bucket, "--key", "incoming/orders.csv");
        var eTag = head["ETag"]!.GetValue<string>().Trim('"');
        Assert.Equal(Md5Hex(await File.ReadAllBytesAsync(path)), eTag);
        Assert.Equal(new FileInfo(path).Length, head["ContentLength"]!.GetValue<long>());

        var fileId = $"{serve.Bucket}/incoming/orders.csv@{eTag}";
        await LedgerWait.SettledAsync(serve.Pipeline, fileId);
        var item = await aws.JsonAsync("dynamodb", "get-item", "--table-name", serve.Table, "--key", KeyJson(fileId));
        Assert.Equal("PROCESSED", item["Item"]!["status"]!["S"]!.GetValue<string>());
        Assert.Equal("3", item["Item"]!["rowCount"]!["N"]!.GetValue<string>());
    }

    [Fact]
    public async Task S3_ls_lists_uploaded_keys_and_s3_cp_downloads_the_same_bytes()
    {
        var path = Path.Combine(work, "a b+c.csv");
        await File.WriteAllTextAsync(path, "x\n1\n");
        await aws.RunAsync("s3", "cp", path, $"s3://{serve.Bucket}/dir/a b+c.csv");

        var listing = await aws.RunAsync("s3", "ls", $"s3://{serve.Bucket}/dir/");
        Assert.Contains("a b+c.csv", listing, StringComparison.Ordinal);
        var buckets = await aws.RunAsync("s3", "ls");
        Assert.Contains(serve.Bucket, buckets, StringComparison.Ordinal);

        var back = Path.Combine(work, "back.csv");
        await aws.RunAsync("s3", "cp", $"s3://{serve.Bucket}/dir/a b+c.csv", back);
        Assert.Equal(await File.ReadAllBytesAsync(path), await File.ReadAllBytesAsync(back));
    }

    [Fact]
    public async Task S3_cp_of_a_file_over_100_MB_is_a_multipart_upload_with_the_multipart_etag_and_is_processed()
    {
        const int rows = 5_000_000;
        var path = Path.Combine(work, "big.csv");
        await using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            await writer.WriteAsync("id,name,amount\n");
            for (var i = 0; i < rows; i++)
            {
                await writer.WriteAsync($"{i},name-{i % 977},{i % 10_000}\n");
            }
        }

        var size = new FileInfo(path).Length;
        Assert.True(size > 100 * 1024 * 1024, $"the test file has {size} bytes");
        await aws.RunAsync("s3", "cp", path, $"s3://{serve.Bucket}/big/big.csv");

        var head = await aws.JsonAsync("s3api", "head-object", "--bucket", serve.Bucket, "--key", "big/big.csv");
        var eTag = head["ETag"]!.GetValue<string>().Trim('"');
        Assert.Equal(MultipartETag(path, partSize: 8 * 1024 * 1024), eTag);
        Assert.Equal(size, head["ContentLength"]!.GetValue<long>());

        var record = await LedgerWait.SettledAsync(serve.Pipeline, $"{serve.Bucket}/big/big.csv@{eTag}");
        Assert.Equal(Core.Ledger.FileStatus.Processed, record.Status);
        Assert.Equal(rows, record.RowCount);
    }

    [Fact]
    public async Task Stepfunctions_list_state_machines_names_the_express_machine()
    {
        var machines = await aws.JsonAsync("stepfunctions", "list-state-machines");
        var machine = Assert.Single(machines["stateMachines"]!.AsArray())!;
        Assert.Equal(serve.Pipeline.Template.StateMachine.Arn, machine["stateMachineArn"]!.GetValue<string>());
        Assert.Equal("EXPRESS", machine["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_wrong_secret_gets_SignatureDoesNotMatch_from_s3()
    {
        var cli = new AwsCli(serve.Endpoint) { SecretAccessKey = "not-the-secret" };
        var (exit, _, error) = await cli.TryRunAsync("s3api", "list-objects-v2", "--bucket", serve.Bucket);
        Assert.NotEqual(0, exit);
        Assert.Contains("SignatureDoesNotMatch", error, StringComparison.Ordinal);
    }

    private static string KeyJson(string fileId) => new System.Text.Json.Nodes.JsonObject { ["fileId"] = new System.Text.Json.Nodes.JsonObject { ["S"] = fileId } }.ToJsonString();

    private static string Md5Hex(byte[] bytes) => Convert.ToHexStringLower(MD5.HashData(bytes));

    private static string MultipartETag(string path, int partSize)
    {
        using var file = File.OpenRead(path);
        var digests = new List<byte>();
        var buffer = new byte[partSize];
        var parts = 0;
        int read;
        while ((read = file.ReadAtLeast(buffer, partSize, throwOnEndOfStream: false)) > 0)
        {
            digests.AddRange(MD5.HashData(buffer.AsSpan(0, read)));
            parts++;
        }

        return Md5Hex([.. digests]) + "-" + parts;
    }
}
