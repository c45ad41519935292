using FilePipeline.Annotations;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;
using FilePipeline.Lambda.Composition;
using FilePipeline.Lambda.Metrics;
using FilePipeline.Lambda.Runtime;

// The generator writes Main, which selects the function by ANNOTATIONS_HANDLER as Lambda Annotations' does.
[assembly: LambdaGlobalProperties(GenerateMain = true)]

namespace FilePipeline.Lambda;

/// <summary>
/// The provided.al2023 custom runtime: Lambda runs this executable ("bootstrap") and it serves
/// invocations through the Runtime API until Lambda freezes or ends the environment.
/// </summary>
public static partial class GeneratedProgram
{
    private static async partial Task<int> RunAsync(string? handler, LambdaFunctionRegistry functions)
    {
        Func<string, string?> environment = Environment.GetEnvironmentVariable;
        var time = TimeProvider.System;
        ILambdaLogger logger = new JsonLambdaLogger(Console.Out, time, JsonLambdaLogger.ParseLevel(environment(FunctionEnvironment.LogLevel)));
        var runtimeApi = environment("AWS_LAMBDA_RUNTIME_API");
        if (string.IsNullOrEmpty(runtimeApi))
        {
            logger.LogCritical("AWS_LAMBDA_RUNTIME_API is not set: this executable runs inside AWS Lambda (or against a Runtime API emulator).");
            return 2;
        }

        using var runtime = new HttpRuntimeApiClient(runtimeApi);
        var settings = BootstrapSettings.FromEnvironment(environment, logger, time);
        var metrics = new EmbeddedMetricWriter(Console.Out, time, settings.FunctionName);
        var bootstrap = new LambdaBootstrap(runtime, settings);
        return await bootstrap.RunAsync(
            () => AwsFunctionServices.Create(functions, handler, environment, metrics, time),
            CancellationToken.None).ConfigureAwait(false);
    }
}
