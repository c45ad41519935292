namespace FilePipeline.Lambda.Runtime;

/// <summary>
/// The functions this bootstrap can run, by handler name. Factories run once, at init, and only
/// for the selected function, so one function's dependencies never slow another's cold start.
/// </summary>
public sealed class HandlerCatalog(IReadOnlyDictionary<string, Func<LambdaHandler>> factories)
{
    /// <summary>
    /// The handler name Lambda Annotations' executable mode uses: <c>ANNOTATIONS_HANDLER</c>, else <c>_HANDLER</c>.
    /// </summary>
    public static string? SelectedName(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var annotations = environment("ANNOTATIONS_HANDLER");
        return string.IsNullOrWhiteSpace(annotations) ? environment("_HANDLER") : annotations;
    }

    public IEnumerable<string> Names => factories.Keys.Order(StringComparer.Ordinal);

    /// <exception cref="HandlerNotFoundException">No name, or a name this catalog does not know.</exception>
    public LambdaHandler Create(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new HandlerNotFoundException($"No handler selected: set ANNOTATIONS_HANDLER to one of {string.Join(", ", Names)}.");
        }

        return factories.TryGetValue(name, out var factory)
            ? factory()
            : throw new HandlerNotFoundException($"Unknown handler '{name}': this bootstrap has {string.Join(", ", Names)}.");
    }
}
