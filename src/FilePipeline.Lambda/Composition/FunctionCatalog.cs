using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using FilePipeline.Aws.DynamoDb;
using FilePipeline.Aws.S3;
using FilePipeline.Aws.Sqs;
using FilePipeline.Aws.StepFunctions;
using FilePipeline.Functions;
using FilePipeline.Functions.Payloads;
using FilePipeline.Functions.Settings;
using FilePipeline.Lambda.Metrics;
using FilePipeline.Lambda.Runtime;

namespace FilePipeline.Lambda.Composition;

/// <summary>
/// The composition root on AWS: the three functions over the AWS adapters, by the handler names
/// serverless.template sets in <c>ANNOTATIONS_HANDLER</c>. The SDK clients read region, credentials
/// and <c>AWS_ENDPOINT_URL_*</c> from the environment.
/// </summary>
public static class FunctionCatalog
{
    public static HandlerCatalog Create(Func<string, string?> environment, EmbeddedMetricWriter metrics, TimeProvider time) =>
        new(new Dictionary<string, Func<LambdaHandler>>(StringComparer.Ordinal)
        {
            [HandlerNames.ValidateUpload] = () =>
            {
                var settings = FunctionSettings.FromEnvironment(environment);
                var function = new ValidateUploadFunction(
                    new S3ObjectStore(new AmazonS3Client()),
                    new SqsJobQueue(new AmazonSQSClient(), Required(settings.QueueUrl, FunctionEnvironment.QueueUrl)),
                    new MeteredLedger(new DynamoDbLedger(new AmazonDynamoDBClient(), settings.FilesTableName), metrics),
                    settings,
                    time);
                return JsonHandler.Create(function.HandleAsync, FunctionsJsonContext.Default.S3Event);
            },
            [HandlerNames.ProcessQueue] = () =>
            {
                var settings = FunctionSettings.FromEnvironment(environment);
                var starter = new StepFunctionsWorkflowStarter(
                    StepFunctionsClient.FromEnvironment(environment),
                    Required(settings.StateMachineArn, FunctionEnvironment.StateMachineArn),
                    () => environment(LambdaBootstrap.TraceIdVariable));
                var function = new ProcessQueueFunction(new MeteredWorkflowStarter(starter, metrics), new DynamoDbLedger(new AmazonDynamoDBClient(), settings.FilesTableName), settings, time);
                return JsonHandler.Create(function.HandleAsync, FunctionsJsonContext.Default.SQSEvent, FunctionsJsonContext.Default.SQSBatchResponse);
            },
            [HandlerNames.InspectFile] = () =>
            {
                var settings = FunctionSettings.FromEnvironment(environment);
                var function = new InspectFileFunction(new S3ObjectStore(new AmazonS3Client()), settings, time);
                var handler = JsonHandler.Create(function.HandleAsync, FunctionsJsonContext.Default.ExecutionInput, FunctionsJsonContext.Default.InspectFileResult);
                return MeasureInspection(handler, metrics, time);
            },
        });

    /// <summary>Rows counted and inspect duration of every successful inspection.</summary>
    internal static LambdaHandler MeasureInspection(LambdaHandler inspect, EmbeddedMetricWriter metrics, TimeProvider time) =>
        async (input, context, cancellationToken) =>
        {
            var started = time.GetTimestamp();
            var output = await inspect(input, context, cancellationToken).ConfigureAwait(false);
            var result = System.Text.Json.JsonSerializer.Deserialize(output.Span, FunctionsJsonContext.Default.InspectFileResult);
            metrics.Write(
                [
                    new Metric(PipelineMetrics.RowsCounted, result?.RowCount ?? 0),
                    new Metric(PipelineMetrics.InspectDuration, time.GetElapsedTime(started).TotalMilliseconds, MetricUnit.Milliseconds),
                ],
                context.AwsRequestId);
            return output;
        };

    private static string Required(string? value, string variable) =>
        value ?? throw new InvalidOperationException($"{variable} is not set; serverless.template sets it for this function.");
}
