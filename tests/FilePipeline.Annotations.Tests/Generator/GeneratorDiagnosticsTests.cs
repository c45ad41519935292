using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace FilePipeline.Annotations.Tests.Generator;

/// <summary>
/// One test per diagnostic: the {|FPAxxxx:…|} markup is where the generator must report it, and
/// no other diagnostic may appear. Generated sources are not compared here (the snapshots do that).
/// </summary>
public sealed class GeneratorDiagnosticsTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using FilePipeline.Annotations;
        using FilePipeline.Annotations.S3;
        using FilePipeline.Annotations.SQS;
        using FilePipeline.Functions.Runtime;
        using Microsoft.Extensions.DependencyInjection;

        """;

    [Fact]
    public Task FPA0101_two_startup_classes_are_ambiguous() => Verify("""
        namespace Shop
        {
            [LambdaStartup] public sealed class {|FPA0101:One|} { public void ConfigureServices(IServiceCollection services) { } }
            [LambdaStartup] public sealed class {|FPA0101:Two|} { public void ConfigureServices(IServiceCollection services) { } }
        }
        """);

    [Fact]
    public Task FPA0102_a_function_with_services_needs_a_startup_class() => Verify("""
        namespace Shop
        {
            public sealed class Orders(IClock clock)
            {
                public IClock Clock { get; } = clock;

                [LambdaFunction] public Receipt {|FPA0102:PlaceOrder|}(Order order) => new(order.Id);
            }
        }
        """);

    [Fact]
    public Task FPA0103_two_functions_cannot_share_a_resource_name() => Verify("""
        namespace Shop
        {
            public sealed class Orders
            {
                [LambdaFunction(ResourceName = "OrderFunction")] public Receipt PlaceOrder(Order order) => new(order.Id);

                [LambdaFunction(ResourceName = "OrderFunction")] public Receipt {|FPA0103:CancelOrder|}(Order order) => new(order.Id);
            }
        }
        """);

    [Fact]
    public Task FPA0104_a_second_event_or_a_by_reference_parameter_is_unsupported() => Verify("""
        namespace Shop
        {
            public sealed class Orders
            {
                [LambdaFunction] public Receipt PlaceOrder(Order order, Order {|FPA0104:other|}) => new(order.Id);

                [LambdaFunction] public void CancelOrder(ref Order {|FPA0104:order|}) { }
            }
        }
        """);

    [Fact]
    public Task FPA0105_a_function_must_be_a_public_instance_method_of_a_public_class() => Verify("""
        namespace Shop
        {
            public sealed class Orders
            {
                [LambdaFunction] internal Receipt {|FPA0105:PlaceOrder|}(Order order) => new(order.Id);

                [LambdaFunction] public static Receipt {|FPA0105:CancelOrder|}(Order order) => new(order.Id);
            }
        }
        """);

    [Fact]
    public Task FPA0106_a_resource_name_is_alphanumeric() => Verify("""
        namespace Shop
        {
            public sealed class Orders
            {
                [LambdaFunction(ResourceName = "Order-Function")] public Receipt {|FPA0106:PlaceOrder|}(Order order) => new(order.Id);
            }
        }
        """);

    [Fact]
    public Task FPA0107_an_event_type_without_source_generated_JSON_is_refused() => Verify("""
        namespace Shop
        {
            public sealed record Refund(string Id);

            public sealed class Orders
            {
                [LambdaFunction] public Receipt {|FPA0107:RefundOrder|}(Refund refund) => new(refund.Id);
            }
        }
        """);

    [Fact]
    public Task FPA0108_event_attributes_are_validated_as_Lambda_Annotations_does() => Verify("""
        namespace Shop
        {
            public sealed class Orders
            {
                [LambdaFunction]
                [{|FPA0108:SQSEvent("@OrderQueue", BatchSize = 20)|}]
                public SQSBatchResponse Drain(OrderBatch batch) => new([]);

                [LambdaFunction]
                [{|FPA0108:S3Event("uploads")|}]
                public void Upload(Order order) { }
            }
        }
        """);

    [Fact]
    public Task FPA0109_two_functions_cannot_share_a_method_name() => Verify("""
        namespace Shop
        {
            public sealed class Orders
            {
                [LambdaFunction(ResourceName = "A")] public Receipt Place(Order order) => new(order.Id);
            }

            public sealed class Refunds
            {
                [LambdaFunction(ResourceName = "B")] public Receipt {|FPA0109:Place|}(Order order) => new(order.Id);
            }
        }
        """);

    [Fact]
    public Task FPA0110_GenerateMain_needs_an_executable() => Verify("""
        [assembly: {|FPA0110:LambdaGlobalProperties(GenerateMain = true)|}]
        """);

    [Fact]
    public Task FPA0111_GenerateMain_needs_a_function_here_or_in_a_referenced_assembly()
    {
        var test = GeneratorTest.Create(
            """
            [assembly: {|FPA0111:FilePipeline.Annotations.LambdaGlobalProperties(GenerateMain = true)|}]

            public static class Program
            {
                public static void Main() { }
            }
            """,
            OutputKind.ConsoleApplication,
            withFunctionsAssembly: false);
        return test.RunAsync();
    }

    private static Task Verify(string source)
    {
        var test = GeneratorTest.Create(Usings + source + "\n" + Inputs.Shared);
        test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        return test.RunAsync();
    }
}
