using FilePipeline.Annotations;
using FilePipeline.Functions.Runtime;

namespace FilePipeline.Annotations.Tests.Sample;

/// <summary>
/// A function added with one attribute: the generator gives it a wrapper, a registry entry and a
/// template resource. It counts its invocations, which shows the class is one instance per wrapper.
/// </summary>
public sealed class GreetFunction
{
    private int invocations;

    [LambdaFunction(ResourceName = "GreetFunction", Timeout = 5, MemorySize = 128, Policies = "AWSLambdaBasicExecutionRole")]
    public Greeting Greet(GreetRequest request, ILambdaContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        return string.IsNullOrEmpty(request.Name)
            ? throw new ArgumentException("A greeting needs a name.", nameof(request))
            : new Greeting($"Hello, {request.Name}!", context.AwsRequestId, Interlocked.Increment(ref invocations));
    }
}
