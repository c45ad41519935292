using FilePipeline.Annotations.Tests.Sample;
using FilePipeline.Functions.TestUtilities;
using Microsoft.Extensions.DependencyInjection;

namespace FilePipeline.Annotations.Tests.Hosts;

/// <summary>
/// The generated wrapper's scope per invocation, seen through <see cref="GreetFunction"/>'s invocation
/// counter: a singleton function class is called as it is (no scope is needed), a scoped one is
/// resolved afresh in each invocation's scope.
/// </summary>
public sealed class WrapperScopeTests
{
    private static readonly TestLambdaContext Context = new() { AwsRequestId = "req-1", RemainingTime = TimeSpan.FromSeconds(5) };

    [Fact]
    public void A_singleton_function_class_keeps_its_instance_across_invocations()
    {
        var wrapper = new GreetFunction_Greet_Generated();

        wrapper.Greet(new GreetRequest("Ada"), Context);

        Assert.Equal(2, wrapper.Greet(new GreetRequest("Grace"), Context).Invocation);
    }

    [Fact]
    public void A_function_class_registered_scoped_is_a_fresh_instance_in_each_invocation()
    {
        var wrapper = new GreetFunction_Greet_Generated(services => services.AddScoped<GreetFunction>());

        wrapper.Greet(new GreetRequest("Ada"), Context);

        Assert.Equal(1, wrapper.Greet(new GreetRequest("Grace"), Context).Invocation);
    }
}
