using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table;

/// <summary>Throw helpers with DynamoDB's error names and message wording.</summary>
internal static class DynamoDbErrors
{
    public const string ConditionalCheckFailed = "ConditionalCheckFailedException";
    public const string Validation = "ValidationException";
    public const string ResourceNotFound = "ResourceNotFoundException";
    public const string ResourceInUse = "ResourceInUseException";
    public const string ThroughputExceeded = "ProvisionedThroughputExceededException";
    public const string UnknownOperation = "UnknownOperationException";

    public static DynamoDbException Invalid(string message) => new(Validation, message);

    public static DynamoDbException InvalidExpression(string kind, string detail) =>
        new(Validation, $"Invalid {kind}: {detail}");

    public static DynamoDbException ConditionFailed(JsonObject? oldItem) =>
        new(ConditionalCheckFailed, "The conditional request failed", oldItem);

    public static DynamoDbException TableNotFound() =>
        new(ResourceNotFound, "Requested resource not found");

    public static DynamoDbException Throttled() =>
        new(ThroughputExceeded, "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.");

    /// <summary>The wording DynamoDB uses when an update reads or writes through a path of the wrong shape.</summary>
    public static DynamoDbException InvalidUpdatePath() =>
        Invalid("The document path provided in the update expression is invalid for update");

    public static DynamoDbException IncorrectOperandType() =>
        Invalid("An operand in the update expression has an incorrect data type");

    public static DynamoDbException MissingOperand() =>
        Invalid("The provided expression refers to an attribute that does not exist in the item");
}
