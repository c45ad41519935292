using System.Text.Json.Nodes;
using FilePipeline.Core.Ports;
using FilePipeline.Local.Storage;
using FilePipeline.Local.Table.Expressions;
using Microsoft.Data.Sqlite;

namespace FilePipeline.Local.Table;

/// <summary>
/// An embedded DynamoDB table service on the state directory's SQLite database. It speaks
/// DynamoDB's JSON protocol (PascalCase requests, typed attribute values) so the state machine's
/// <c>dynamodb:*</c> tasks pass their Parameters straight through, and it answers with DynamoDB's
/// responses and error names. Every write is one <c>BEGIN IMMEDIATE</c> transaction, so a
/// conditional write's check and write are atomic across threads and processes.
/// </summary>
public sealed partial class EmbeddedDynamoDb : ITableClient
{
    private const long MaxItemBytes = 400 * 1024;

    private readonly LocalDatabase database;
    private readonly EmbeddedDynamoDbOptions options;
    private readonly TimeProvider timeProvider;
    private readonly Lock diceLock = new();

    public EmbeddedDynamoDb(LocalDatabase database, EmbeddedDynamoDbOptions? options = null, TimeProvider? timeProvider = null)
    {
        this.database = database;
        this.options = options ?? new EmbeddedDynamoDbOptions();
        this.timeProvider = timeProvider ?? TimeProvider.System;
        TableStore.CreateSchema(database);
    }

    public (string ErrorName, string Message)? DescribeError(Exception exception) => exception is DynamoDbException e ? (e.ErrorName, e.Message) : null;

    /// <summary>
    /// Runs one DynamoDB operation (GetItem, PutItem, UpdateItem, DeleteItem, Scan, Query, CreateTable,
    /// DescribeTable, DeleteTable, ListTables) and returns its response; failures throw <see cref="DynamoDbException"/>.
    /// </summary>
    public async Task<JsonObject> ExecuteAsync(string operation, JsonObject request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        RequestReader.ThrowIfUnsupported(request);
        return operation switch
        {
            "GetItem" => GetItem(request),
            "PutItem" => await PutItemAsync(request).ConfigureAwait(false),
            "UpdateItem" => await UpdateItemAsync(request).ConfigureAwait(false),
            "DeleteItem" => await DeleteItemAsync(request).ConfigureAwait(false),
            "Scan" => Scan(request),
            "Query" => Query(request),
            "ListTables" => ListTables(request),
            "CreateTable" => CreateTable(request),
            "DescribeTable" => DescribeTable(request),
            "DeleteTable" => DeleteTable(request),
            _ => throw new DynamoDbException(DynamoDbErrors.UnknownOperation, $"Operation {operation} is not supported by the embedded table"),
        };
    }

    private void ThrowIfThrottled()
    {
        if (options.ThrottleRate <= 0)
        {
            return;
        }

        double roll;
        lock (diceLock)
        {
            roll = options.Random.NextDouble();
        }

        if (roll < options.ThrottleRate)
        {
            throw DynamoDbErrors.Throttled();
        }
    }

    /// <summary>Runs <paramref name="work"/> inside BEGIN IMMEDIATE: the write lock is taken up front, so two writers queue instead of deadlocking on lock upgrade.</summary>
    private T InWriteTransaction<T>(Func<SqliteConnection, T> work)
    {
        using var connection = database.Open();
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(connection);
        transaction.Commit();
        return result;
    }

    /// <summary>Runs an item write in this process's shared write transaction (<see cref="LocalDatabase.WriteAsync{T}"/>); the check and the write stay atomic.</summary>
    private Task<T> InGroupCommitAsync<T>(Func<SqliteConnection, T> work) => database.WriteAsync((connection, _) => work(connection));

    private T InReadConnection<T>(Func<SqliteConnection, T> work)
    {
        using var connection = database.Open();
        return work(connection);
    }

    private static TableSchema RequireTable(SqliteConnection connection, string name) =>
        TableStore.FindTable(connection, name) ?? throw DynamoDbErrors.TableNotFound();

    private static void ThrowIfTooLarge(long size, string message)
    {
        if (size > MaxItemBytes)
        {
            throw DynamoDbErrors.Invalid(message);
        }
    }

    private static Condition? ParseCondition(JsonObject request, string member, ExpressionAttributes attributes) =>
        RequestReader.OptionalString(request, member) is { } text ? ExpressionParser.ParseCondition(text, member, attributes) : null;

    private static Projection? ParseProjection(JsonObject request, ExpressionAttributes attributes) =>
        RequestReader.OptionalString(request, "ProjectionExpression") is { } text
            ? new Projection(ExpressionParser.ParseProjection(text, attributes))
            : null;

    /// <summary>Throws ConditionalCheckFailedException unless the condition holds for the current item.</summary>
    private static void CheckCondition(Condition? condition, JsonObject? current, bool returnOldOnFailure)
    {
        if (condition is not null && !condition.IsTrue(current ?? []))
        {
            throw DynamoDbErrors.ConditionFailed(returnOldOnFailure ? current : null);
        }
    }

    private static bool ReturnOldOnFailure(JsonObject request) =>
        RequestReader.Choice(request, "ReturnValuesOnConditionCheckFailure", "NONE", "NONE", "ALL_OLD") == "ALL_OLD";

    private static JsonObject WithAttributes(JsonObject? attributes)
    {
        var response = new JsonObject();
        if (attributes is { Count: > 0 })
        {
            response["Attributes"] = attributes;
        }

        return response;
    }
}
