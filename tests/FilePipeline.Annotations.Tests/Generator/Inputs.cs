namespace FilePipeline.Annotations.Tests.Generator;

/// <summary>Small programs the generator tests run it over.</summary>
internal static class Inputs
{
    /// <summary>The declarations every input shares: models, a JSON context (its Default is all the wrappers touch), a service.</summary>
    public const string Shared = """
        namespace Shop
        {
            public sealed record Order(string Id);
            public sealed record Receipt(string OrderId);
            public sealed record OrderBatch(string[] Ids);
            public sealed record SQSBatchResponse(string[] Failures);
            public interface IClock { }

            [System.Text.Json.Serialization.JsonSerializable(typeof(Order))]
            [System.Text.Json.Serialization.JsonSerializable(typeof(Receipt))]
            [System.Text.Json.Serialization.JsonSerializable(typeof(OrderBatch))]
            [System.Text.Json.Serialization.JsonSerializable(typeof(SQSBatchResponse))]
            public sealed class ShopJson
            {
                public static System.Text.Json.Serialization.JsonSerializerContext Default => throw new System.NotSupportedException();
            }
        }

        """;

    /// <summary>Three functions: a task with an event, the context and a service; an SQS drain with a batch response; a void with nothing.</summary>
    public const string Shop = Shared + """
        namespace Shop
        {
            using System.Threading.Tasks;
            using FilePipeline.Annotations;
            using FilePipeline.Annotations.SQS;
            using FilePipeline.Functions.Runtime;
            using Microsoft.Extensions.DependencyInjection;

            [LambdaStartup]
            public sealed class Startup
            {
                public void ConfigureServices(IServiceCollection services) { }
            }

            public sealed class Orders
            {
                [LambdaFunction(Timeout = 30, MemorySize = 512, Policies = "AWSLambdaBasicExecutionRole, @OrdersPolicy")]
                public Task<Receipt> PlaceOrder(Order order, ILambdaContext context, [FromServices] IClock clock) => Task.FromResult(new Receipt(order.Id));

                [LambdaFunction(ResourceName = "DrainOrders", Role = "@DrainRole")]
                [SQSEvent("@OrderQueue", BatchSize = 50, MaximumBatchingWindowInSeconds = 5, Filters = "{\"body\":{\"kind\":[\"order\"]}}")]
                public SQSBatchResponse Drain(OrderBatch batch) => new([]);

                [LambdaFunction]
                public void Ping() { }
            }
        }
        """;

    /// <summary>Executable mode: the assembly attribute, which must come before any declaration.</summary>
    public const string GenerateMain = """
        [assembly: FilePipeline.Annotations.LambdaGlobalProperties(GenerateMain = true)]

        """;

    /// <summary>The runtime loop an executable gives the generated Main (assembly TestProject): 0 when it knows the handler.</summary>
    public const string RunLoop = """

        namespace TestProject
        {
            public static partial class GeneratedProgram
            {
                private static partial System.Threading.Tasks.Task<int> RunAsync(string? handler, FilePipeline.Functions.Runtime.LambdaFunctionRegistry functions) =>
                    System.Threading.Tasks.Task.FromResult(functions.Contains(handler) ? 0 : 1);
            }
        }
        """;

    /// <summary><see cref="Shop"/> as an executable: GenerateMain, and the runtime loop the generated Main calls.</summary>
    public const string ShopExecutable = GenerateMain + Shop + RunLoop;
}
