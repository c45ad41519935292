using System.Text.Json.Nodes;
using FilePipeline.Local.Storage;
using FilePipeline.Local.Table;

namespace FilePipeline.Local.Tests.Table;

/// <summary>An embedded table service in a fresh state directory, with a table "items" keyed by pk (S).</summary>
public sealed class TableFixture : IDisposable
{
    public TableFixture(EmbeddedDynamoDbOptions? options = null)
    {
        StateDirectory = Path.Combine(ScratchRoot, "fp-table-" + Guid.NewGuid().ToString("N"));
        Database = new LocalDatabase(StateDirectory);
        Db = new EmbeddedDynamoDb(Database, options);
        Db.EnsureTable("items", "pk");
    }

    /// <summary>RAM-backed when the machine has it: the database syncs every commit, which is slow on disk and pointless in tests.</summary>
    private static string ScratchRoot => Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    public string StateDirectory { get; }

    public LocalDatabase Database { get; }

    public EmbeddedDynamoDb Db { get; }

    public static JsonObject Json(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>Runs an operation given as JSON; "TableName" defaults to "items".</summary>
    public Task<JsonObject> Run(string operation, string requestJson) => Run(Db, operation, requestJson);

    public static Task<JsonObject> Run(EmbeddedDynamoDb db, string operation, string requestJson)
    {
        var request = Json(requestJson);
        request["TableName"] ??= "items";
        return db.ExecuteAsync(operation, request, CancellationToken.None);
    }

    public async Task<DynamoDbException> Fails(string operation, string requestJson) =>
        await Assert.ThrowsAsync<DynamoDbException>(() => Run(operation, requestJson));

    public async Task<JsonObject?> Item(string pk)
    {
        var request = new JsonObject { ["TableName"] = "items", ["Key"] = new JsonObject { ["pk"] = new JsonObject { ["S"] = pk } } };
        var response = await Db.ExecuteAsync("GetItem", request, CancellationToken.None);
        return response["Item"] as JsonObject;
    }

    public static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(StateDirectory, recursive: true);
    }
}
