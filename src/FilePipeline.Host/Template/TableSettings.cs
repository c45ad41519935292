namespace FilePipeline.Host.Template;

/// <summary>The template's DynamoDB table (the ledger): its local name and partition key.</summary>
public sealed record TableSettings(string LogicalId, string Name, string PartitionKey);
