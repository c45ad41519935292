using System.Text.Json.Nodes;
using FilePipeline.Local.Storage;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Table;

/// <summary>The SQL side of the embedded table: table definitions and items as JSON rows.</summary>
internal static class TableStore
{
    public static void CreateSchema(LocalDatabase database)
    {
        using var connection = database.Open();
        LocalDatabase.Execute(connection, """
            CREATE TABLE IF NOT EXISTS dynamodb_tables (
                name TEXT PRIMARY KEY,
                partition_key TEXT NOT NULL,
                partition_key_type TEXT NOT NULL,
                sort_key TEXT,
                sort_key_type TEXT,
                created_at_ms INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS dynamodb_items (
                table_name TEXT NOT NULL,
                item_key TEXT NOT NULL,
                item TEXT NOT NULL,
                size_bytes INTEGER NOT NULL,
                PRIMARY KEY (table_name, item_key)) WITHOUT ROWID;
            """);
    }

    public static TableSchema? FindTable(SqliteConnection connection, string name)
    {
        using var command = Command(connection, "SELECT partition_key, partition_key_type, sort_key, sort_key_type, created_at_ms FROM dynamodb_tables WHERE name = $name");
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new TableSchema(
                name,
                reader.GetString(0),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)))
            : null;
    }

    public static void InsertTable(SqliteConnection connection, TableSchema schema)
    {
        using var command = Command(connection, """
            INSERT INTO dynamodb_tables (name, partition_key, partition_key_type, sort_key, sort_key_type, created_at_ms)
            VALUES ($name, $pk, $pkType, $sk, $skType, $created)
            """);
        command.Parameters.AddWithValue("$name", schema.Name);
        command.Parameters.AddWithValue("$pk", schema.PartitionKey);
        command.Parameters.AddWithValue("$pkType", schema.PartitionKeyType);
        command.Parameters.AddWithValue("$sk", (object?)schema.SortKey ?? DBNull.Value);
        command.Parameters.AddWithValue("$skType", (object?)schema.SortKeyType ?? DBNull.Value);
        command.Parameters.AddWithValue("$created", schema.CreatedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    public static void DeleteTable(SqliteConnection connection, string name)
    {
        using var command = Command(connection, "DELETE FROM dynamodb_items WHERE table_name = $name; DELETE FROM dynamodb_tables WHERE name = $name;");
        command.Parameters.AddWithValue("$name", name);
        command.ExecuteNonQuery();
    }

    public static (long Count, long SizeBytes) Statistics(SqliteConnection connection, string name)
    {
        using var command = Command(connection, "SELECT count(*), coalesce(sum(size_bytes), 0) FROM dynamodb_items WHERE table_name = $name");
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public static JsonObject? GetItem(SqliteConnection connection, string table, string key)
    {
        using var command = Command(connection, "SELECT item FROM dynamodb_items WHERE table_name = $table AND item_key = $key");
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() is string json ? JsonNode.Parse(json)!.AsObject() : null;
    }

    public static void PutItem(SqliteConnection connection, string table, string key, JsonObject item, long sizeBytes)
    {
        using var command = Command(connection, """
            INSERT INTO dynamodb_items (table_name, item_key, item, size_bytes) VALUES ($table, $key, $item, $size)
            ON CONFLICT (table_name, item_key) DO UPDATE SET item = excluded.item, size_bytes = excluded.size_bytes
            """);
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$item", item.ToJsonString());
        command.Parameters.AddWithValue("$size", sizeBytes);
        command.ExecuteNonQuery();
    }

    public static void DeleteItem(SqliteConnection connection, string table, string key)
    {
        using var command = Command(connection, "DELETE FROM dynamodb_items WHERE table_name = $table AND item_key = $key");
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$key", key);
        command.ExecuteNonQuery();
    }

    /// <summary>Items in key order after <paramref name="afterKey"/>, streamed from one consistent read.</summary>
    public static IEnumerable<(JsonObject Item, long SizeBytes)> ScanItems(SqliteConnection connection, string table, string? afterKey)
    {
        using var command = Command(connection, """
            SELECT item, size_bytes FROM dynamodb_items
            WHERE table_name = $table AND ($after IS NULL OR item_key > $after)
            ORDER BY item_key
            """);
        command.Parameters.AddWithValue("$table", table);
        command.Parameters.AddWithValue("$after", (object?)afterKey ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return (JsonNode.Parse(reader.GetString(0))!.AsObject(), reader.GetInt64(1));
        }
    }

    /// <summary>Indexes every table's items by a string attribute, so <see cref="ItemTextsOrderedBy"/> reads in order without sorting.</summary>
    public static void CreateOrderIndex(SqliteConnection connection, string attribute)
    {
        using var command = Command(connection, $"CREATE INDEX IF NOT EXISTS dynamodb_items_by_{attribute} ON dynamodb_items (table_name, {StringValueOf(attribute)}, item_key)");
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// A table's items as stored (DynamoDB JSON, UTF-8) ordered by a string attribute (items without it first), then key,
    /// streamed from one consistent read; the caller parses only what it needs.
    /// </summary>
    public static IEnumerable<byte[]> ItemTextsOrderedBy(SqliteConnection connection, string table, string attribute)
    {
        using var command = Command(connection, $"SELECT item FROM dynamodb_items WHERE table_name = $table ORDER BY {StringValueOf(attribute)}, item_key");
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetFieldValue<byte[]>(0);
        }
    }

    /// <summary>The SQL of an item's string attribute; spelled out rather than bound, so the query matches the index's expression.</summary>
    private static string StringValueOf(string attribute) =>
        attribute.Length > 0 && attribute.All(char.IsAsciiLetterOrDigit)
            ? $"json_extract(item, '$.{attribute}.S')"
            : throw new ArgumentException($"'{attribute}' is not a plain attribute name.", nameof(attribute));

    public static IEnumerable<string> TableNames(SqliteConnection connection)
    {
        using var command = Command(connection, "SELECT name FROM dynamodb_tables ORDER BY name");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return reader.GetString(0);
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }
}
