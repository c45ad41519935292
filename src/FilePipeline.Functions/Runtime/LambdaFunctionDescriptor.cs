using Microsoft.Extensions.DependencyInjection;

namespace FilePipeline.Functions.Runtime;

/// <summary>One <c>[LambdaFunction]</c> method as the source generator registers it.</summary>
/// <param name="Handler">The method's name: the value of <c>ANNOTATIONS_HANDLER</c> that selects it.</param>
/// <param name="ResourceName">The function's logical id in serverless.template.</param>
/// <param name="Create">
/// Builds the function's generated wrapper: its service container from the assembly's
/// <c>[LambdaStartup]</c> class, then the host's services on top (the adapters of its backend).
/// </param>
public sealed record LambdaFunctionDescriptor(string Handler, string ResourceName, Func<Action<IServiceCollection>?, LambdaHandler> Create);
