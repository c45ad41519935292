using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table;

/// <summary>
/// An error answered by the embedded table, named as DynamoDB names it
/// (<c>ConditionalCheckFailedException</c>, <c>ValidationException</c>, …) so callers and the state
/// machine's <c>DynamoDB.&lt;Name&gt;</c> error matching see what they would see on AWS.
/// </summary>
public sealed class DynamoDbException : Exception
{
    public DynamoDbException(string errorName, string message, JsonObject? item = null)
        : base(message)
    {
        ErrorName = errorName;
        Item = item;
    }

    /// <summary>DynamoDB's error name, the part after <c>#</c> in the wire <c>__type</c>.</summary>
    public string ErrorName { get; }

    /// <summary>The item as it was, when a failed condition asked for ReturnValuesOnConditionCheckFailure=ALL_OLD.</summary>
    public JsonObject? Item { get; }

    /// <summary>The error as DynamoDB's JSON protocol writes it.</summary>
    public JsonObject ToWireJson()
    {
        var json = new JsonObject
        {
            ["__type"] = "com.amazonaws.dynamodb.v20120810#" + ErrorName,
            ["message"] = Message,
        };
        if (Item is not null)
        {
            json[nameof(Item)] = Item.DeepClone();
        }

        return json;
    }
}
