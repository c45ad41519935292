using System.CommandLine;
using Amazon.Runtime;
using FilePipeline.Aws.CloudFormation;
using FilePipeline.Aws.Logs;
using FilePipeline.Aws.Protocol;
using FilePipeline.Aws.Stack;
using FilePipeline.Cli.Pipeline;
using FilePipeline.Host.Template;

namespace FilePipeline.Cli.Operate;

/// <summary>Runs a command's <c>--stack</c> body: opens the deployed stack and turns what can go wrong into one clear line and exit code 1.</summary>
internal static class StackAction
{
    public static async Task<int> RunAsync(
        string commandName, string stackName, ParseResult parseResult, PipelineOptions options, CliEnvironment environment, PipelineCommand.StackBody? body, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        if (body is null)
        {
            await error.WriteLineAsync($"error: `{commandName}` runs the pipeline's functions here; on a deployed stack its own functions consume the queues. Use upload, process, files, dlq or executions with --stack.");
            return ExitCodes.Usage;
        }

        if (parseResult.GetValue(options.Backend) is not null || parseResult.GetValue(options.CreateResources))
        {
            await error.WriteLineAsync("error: --stack operates a deployed stack; --backend and --create-resources do not apply to it.");
            return ExitCodes.Usage;
        }

        try
        {
            var templatePath = options.Resolve(parseResult, environment, runsPipeline: false).TemplatePath;
            using var stack = await OperatedStack.OpenAsync(stackName, parseResult.GetValue(options.Region), templatePath, environment.Variables, cancellationToken);
            try
            {
                return await body(parseResult, stack, output, error, cancellationToken);
            }
            catch (Exception e) when (Describe(e, stack.Stack.Names) is { } message)
            {
                await error.WriteLineAsync("error: " + message);
                return ExitCodes.Usage;
            }
        }
        catch (Exception e) when (Describe(e, null) is { } message)
        {
            await error.WriteLineAsync("error: " + message);
            return ExitCodes.Usage;
        }
    }

    /// <summary>The line a person reads for a failure of a command on a deployed stack, or null for a bug (which should show).</summary>
    internal static string? Describe(Exception e, StackNames? names) => e switch
    {
        UsageException or FormatException or TemplateException or StackNotFoundException or StackResourceUnresolvedException or StackResourceMissingException or NoExecutionDataException => e.Message,
        InvalidOperationException when e.Message.StartsWith("No AWS region", StringComparison.Ordinal) => e.Message,
        LogGroupNotFoundException missing => $"{missing.Message} It is the state machine's Logging destination{Of(names)}: express executions have no history anywhere else.",
        Amazon.DynamoDBv2.Model.ResourceNotFoundException when names is not null => $"stack '{names.StackName}': the table '{names.Table}' does not exist in {names.Region}.",
        Amazon.S3.AmazonS3Exception { ErrorCode: "NoSuchBucket" } when names is not null => $"stack '{names.StackName}': the bucket '{names.Bucket}' does not exist.",
        AwsServiceException or AmazonServiceException => $"AWS refused{Of(names)}: {e.Message} (check the credentials and the IAM policy in docs/operate.md).",
        AmazonClientException or HttpRequestException => $"AWS is not reachable{Of(names)}: {e.Message}",
        _ => null,
    };

    private static string Of(StackNames? names) => names is null ? "" : $" (stack '{names.StackName}' in {names.Region})";
}
