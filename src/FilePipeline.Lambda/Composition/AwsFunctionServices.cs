using Amazon.DynamoDBv2;
using Amazon.S3;
using Amazon.SQS;
using FilePipeline.Aws.DynamoDb;
using FilePipeline.Aws.S3;
using FilePipeline.Aws.Sqs;
using FilePipeline.Aws.StepFunctions;
using FilePipeline.Core.Ports;
using FilePipeline.Functions;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;
using FilePipeline.Lambda.Metrics;
using FilePipeline.Lambda.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace FilePipeline.Lambda.Composition;

/// <summary>
/// The composition root on AWS: the ports over the AWS adapters, added to the selected function's
/// generated container. Each is built only when that function needs it; the SDK clients read
/// region, credentials and <c>AWS_ENDPOINT_URL_*</c> from the environment.
/// </summary>
public static class AwsFunctionServices
{
    public static void Add(IServiceCollection services, Func<string, string?> environment, EmbeddedMetricWriter metrics, TimeProvider time)
    {
        services.AddSingleton(time);
        services.AddSingleton(_ => FunctionSettings.FromEnvironment(environment));
        services.AddSingleton<IObjectStore>(_ => new S3ObjectStore(new AmazonS3Client()));
        services.AddSingleton<IJobQueue>(provider => new SqsJobQueue(
            new AmazonSQSClient(),
            Required(provider.GetRequiredService<FunctionSettings>().QueueUrl, FunctionEnvironment.QueueUrl)));
        services.AddSingleton<IMessageVisibility>(provider => new SqsMessageVisibility(
            new AmazonSQSClient(),
            Required(provider.GetRequiredService<FunctionSettings>().QueueUrl, FunctionEnvironment.QueueUrl)));
        services.AddSingleton<ILedger>(provider => new MeteredLedger(
            new DynamoDbLedger(new AmazonDynamoDBClient(), provider.GetRequiredService<FunctionSettings>().FilesTableName),
            metrics));
        services.AddSingleton<IWorkflowStarter>(provider => new MeteredWorkflowStarter(
            new StepFunctionsWorkflowStarter(
                StepFunctionsClient.FromEnvironment(environment),
                Required(provider.GetRequiredService<FunctionSettings>().StateMachineArn, FunctionEnvironment.StateMachineArn),
                () => environment(LambdaBootstrap.TraceIdVariable)),
            metrics));
    }

    /// <summary>The selected function with the AWS services; InspectFile also reports its rows and duration.</summary>
    /// <exception cref="HandlerNotFoundException">The registry has no function of that name.</exception>
    public static LambdaHandler Create(LambdaFunctionRegistry registry, string? handler, Func<string, string?> environment, EmbeddedMetricWriter metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var function = registry.Create(handler, services => Add(services, environment, metrics, time));
        return handler == HandlerNames.InspectFile ? MeasureInspection(function, metrics, time) : function;
    }

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
