namespace FilePipeline.Annotations.SourceGenerator;

/// <summary>The metadata names of the attributes in FilePipeline.Annotations, which the generator matches without referencing it.</summary>
internal static class AttributeNames
{
    public const string LambdaFunction = "FilePipeline.Annotations.LambdaFunctionAttribute";
    public const string LambdaStartup = "FilePipeline.Annotations.LambdaStartupAttribute";
    public const string LambdaGlobalProperties = "FilePipeline.Annotations.LambdaGlobalPropertiesAttribute";
    public const string FromServices = "FilePipeline.Annotations.FromServicesAttribute";
    public const string SqsEvent = "FilePipeline.Annotations.SQS.SQSEventAttribute";
    public const string S3Event = "FilePipeline.Annotations.S3.S3EventAttribute";
    public const string JsonSerializable = "System.Text.Json.Serialization.JsonSerializableAttribute";

    /// <summary>The context parameter is matched by its simple name, so Amazon.Lambda.Core's interface works as well as ours.</summary>
    public const string LambdaContextTypeName = "ILambdaContext";

    /// <summary>A function returning it reports partial batch failures (SAM's ReportBatchItemFailures).</summary>
    public const string SqsBatchResponseTypeName = "SQSBatchResponse";
}
