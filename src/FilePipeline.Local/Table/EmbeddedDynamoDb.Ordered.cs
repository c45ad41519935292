namespace FilePipeline.Local.Table;

/// <summary>
/// A local extra beside the DynamoDB API: a table's items in the order of one string attribute, as a
/// secondary index would give them on DynamoDB. The ledger lists itself oldest first with it, without
/// holding the table in memory.
/// </summary>
public sealed partial class EmbeddedDynamoDb
{
    /// <summary>Indexes the items of every table by the string attribute <paramref name="attribute"/>; does nothing when the index exists.</summary>
    public void EnsureOrderIndex(string attribute) => InWriteTransaction(connection =>
    {
        TableStore.CreateOrderIndex(connection, attribute);
        return 0;
    });

    /// <summary>
    /// The items of <paramref name="tableName"/> as stored (DynamoDB JSON, UTF-8) ordered by the string attribute
    /// <paramref name="attribute"/> (items without it first), then key, read lazily from one consistent snapshot.
    /// </summary>
    public IEnumerable<byte[]> ItemTextsOrderedBy(string tableName, string attribute)
    {
        using var connection = database.Open();
        RequireTable(connection, tableName);
        foreach (var item in TableStore.ItemTextsOrderedBy(connection, tableName, attribute))
        {
            yield return item;
        }
    }
}
