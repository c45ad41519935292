using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Storage;

/// <summary>Parameterised statements in one line; parameters are bound by position as $p0, $p1, …</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Begins a write transaction that takes the database's write lock at once (BEGIN IMMEDIATE), so two writers queue instead of deadlocking on a lock upgrade.</summary>
    public static SqliteTransaction BeginWrite(this SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    public static int Run(this SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = Create(connection, transaction, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this SqliteConnection connection, SqliteTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = Create(connection, transaction, sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public static List<T> Query<T>(this SqliteConnection connection, SqliteTransaction? transaction, string sql, Func<SqliteDataReader, T> map, params object?[] parameters)
    {
        using var command = Create(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? GetNullableInt64(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static SqliteCommand Create(SqliteConnection connection, SqliteTransaction? transaction, string sql, object?[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // SQL text is always a constant of this assembly; values go through parameters.
        command.CommandText = sql;
#pragma warning restore CA2100
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i, parameters[i] ?? DBNull.Value);
        }

        return command;
    }
}
