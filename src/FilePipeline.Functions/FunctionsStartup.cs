using System.Diagnostics.CodeAnalysis;
using FilePipeline.Annotations;
using FilePipeline.Functions.Settings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FilePipeline.Functions;

/// <summary>
/// The services every function's generated wrapper starts from: the system clock and the settings
/// serverless.template puts in the environment. A host adds its backend's adapters (the ports) on
/// top, and may replace these, as the local host does with each function's template settings.
/// </summary>
[LambdaStartup]
public sealed class FunctionsStartup
{
    [SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "The generated wrappers call it on an instance, as Lambda Annotations' do.")]
    public void ConfigureServices(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => FunctionSettings.FromEnvironment(Environment.GetEnvironmentVariable));
    }
}
