namespace FilePipeline.Serve.Protocol;

/// <summary>The AWS services serve answers, each in its own wire protocol.</summary>
public enum AwsService
{
    S3,
    DynamoDb,
    SqsJson,
    SqsQuery,
    StepFunctions,
    Logs,
}
