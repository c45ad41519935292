using Microsoft.Extensions.DependencyInjection;

namespace FilePipeline.Functions.Runtime;

/// <summary>
/// The functions of one or more assemblies by handler name, as the source generator writes them;
/// the Lambda bootstrap and the local host both dispatch through it. Wrappers are built on
/// <see cref="Create"/> only, so one function's dependencies never slow another's cold start.
/// </summary>
public sealed class LambdaFunctionRegistry
{
    /// <summary>The variable Lambda Annotations' executable mode selects the function with.</summary>
    public const string HandlerVariable = "ANNOTATIONS_HANDLER";

    private readonly Dictionary<string, LambdaFunctionDescriptor> functions;

    /// <exception cref="ArgumentException">Two functions share a handler name.</exception>
    public LambdaFunctionRegistry(IEnumerable<LambdaFunctionDescriptor> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        this.functions = new Dictionary<string, LambdaFunctionDescriptor>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            if (!this.functions.TryAdd(function.Handler, function))
            {
                throw new ArgumentException($"Two functions are named '{function.Handler}'; handler names must be unique.", nameof(functions));
            }
        }
    }

    /// <summary>Every handler name, in ordinal order.</summary>
    public IEnumerable<string> Names => functions.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<LambdaFunctionDescriptor> Functions => Names.Select(name => functions[name]);

    /// <summary>True when <paramref name="handler"/> names a function, so a host can fail at start-up instead of per invocation.</summary>
    public bool Contains(string? handler) => handler is not null && functions.ContainsKey(handler);

    /// <summary>This registry's functions and <paramref name="other"/>'s.</summary>
    /// <exception cref="ArgumentException">A handler name is in both.</exception>
    public LambdaFunctionRegistry Concat(LambdaFunctionRegistry other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new LambdaFunctionRegistry(functions.Values.Concat(other.functions.Values));
    }

    /// <summary>Builds the named function's wrapper with the host's services.</summary>
    /// <exception cref="HandlerNotFoundException">No name, or a name this registry does not know.</exception>
    public LambdaHandler Create(string? handler, Action<IServiceCollection>? configureHostServices)
    {
        if (string.IsNullOrWhiteSpace(handler))
        {
            throw new HandlerNotFoundException($"No handler selected: set {HandlerVariable} to one of {string.Join(", ", Names)}.");
        }

        return functions.TryGetValue(handler, out var function)
            ? function.Create(configureHostServices)
            : throw new HandlerNotFoundException($"Unknown handler '{handler}': this registry has {string.Join(", ", Names)}.");
    }
}
