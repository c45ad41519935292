using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using FilePipeline.States.Intrinsics;

namespace FilePipeline.States.Json;

/// <summary>
/// A payload template (Parameters, ItemSelector, ResultSelector): fields ending in <c>.$</c> take
/// the value of a path on the input, a <c>$$</c> path on the context object, a <c>$name</c> variable path, or an intrinsic function.
/// </summary>
internal sealed class PayloadTemplate
{
    private readonly Func<JsonNode?, PathRoots, string, JsonNode?> build;

    private PayloadTemplate(Func<JsonNode?, PathRoots, string, JsonNode?> build) => this.build = build;

    /// <summary>Compiles a validated template once, so paths are not re-parsed per execution.</summary>
    public static PayloadTemplate Create(JsonNode? template) => new(Compile(template));

    /// <summary>Validation of the template's paths; returns messages with their field names.</summary>
    public static IEnumerable<(string Field, string Message)> Validate(JsonNode? template)
    {
        switch (template)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (key.EndsWith(".$", StringComparison.Ordinal))
                    {
                        if (!JsonValues.TryGetString(value, out var expression))
                        {
                            yield return (key, "The value of a field ending in '.$' must be a string path or intrinsic function");
                        }
                        else if (!expression.StartsWith("States.", StringComparison.Ordinal)
                            && !JsonPath.TryParse(expression, out _, out var error))
                        {
                            yield return (key, error!);
                        }
                    }
                    else
                    {
                        foreach (var nested in Validate(value))
                        {
                            yield return ($"{key}.{nested.Field}", nested.Message);
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    foreach (var nested in Validate(item))
                    {
                        yield return nested;
                    }
                }

                break;
        }
    }

    /// <summary>Builds the payload; <c>$$</c> and <c>$name</c> paths read <paramref name="roots"/>; path failures raise <paramref name="failureError"/>.</summary>
    public JsonNode? Evaluate(JsonNode? input, PathRoots roots, string failureError = StatesErrors.ParameterPathFailure)
        => build(input, roots, failureError);

    private static Func<JsonNode?, PathRoots, string, JsonNode?> Compile(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var fields = obj.Select(pair => CompileField(pair.Key, pair.Value)).ToArray();
                return (input, roots, error) =>
                {
                    var result = new JsonObject();
                    foreach (var (name, value) in fields)
                    {
                        result[name] = value(input, roots, error);
                    }

                    return result;
                };
            case JsonArray array:
                var items = array.Select(Compile).ToArray();
                return (input, roots, error) =>
                {
                    var result = new JsonArray();
                    foreach (var item in items)
                    {
                        result.Add(item(input, roots, error));
                    }

                    return result;
                };
            default:
                return (_, _, _) => node?.DeepClone();
        }
    }

    private static (string Name, Func<JsonNode?, PathRoots, string, JsonNode?> Value) CompileField(string key, JsonNode? value)
    {
        if (!key.EndsWith(".$", StringComparison.Ordinal) || !JsonValues.TryGetString(value, out var expression))
        {
            return (key, Compile(value));
        }

        if (expression.StartsWith("States.", StringComparison.Ordinal))
        {
            var paths = new ConcurrentDictionary<string, JsonPath>(StringComparer.Ordinal);
            return (key[..^2], (input, roots, error) => Resolve(key, expression, paths, input, roots, error));
        }

        var path = JsonPath.Parse(expression);
        return (key[..^2], (input, roots, error) => Select(key, path, input, roots, error)?.DeepClone());
    }

    // Intrinsics get private copies of the values they reference (PathExpression copies), so they may embed or change them freely.
    // Its path arguments are parsed once per field (<paramref name="paths"/>); a bad one fails on every evaluation.
    private static JsonNode? Resolve(
        string key, string expression, ConcurrentDictionary<string, JsonPath> paths, JsonNode? input, PathRoots roots, string failureError)
    {
        JsonPath Parsed(string text) => paths.TryGetValue(text, out var parsed) ? parsed : paths.GetOrAdd(text, ParsePath(text, failureError));

        try
        {
            return JsonValues.Detach(IntrinsicFunctions.Evaluate(expression, path => Select(key, Parsed(path), input, roots, failureError)));
        }
        catch (IntrinsicFailureException e)
        {
            throw new StateErrorException(StatesErrors.IntrinsicFailure, $"Invalid arguments in Intrinsic Function: '{expression}' for field '{key}': {e.Message}");
        }
    }

    private static JsonPath ParsePath(string text, string failureError) =>
        JsonPath.TryParse(text, out var path, out var syntaxError) ? path! : throw new StateErrorException(failureError, syntaxError!);

    private static JsonNode? Select(string key, JsonPath path, JsonNode? input, PathRoots roots, string failureError)
    {
        return path.TrySelect(input, roots, out var value)
            ? value
            : throw new StateErrorException(
                failureError,
                $"The JSONPath '{path.Text}' specified for the field '{key}' could not be found in the input '{JsonValues.ToJson(input)}'");
    }
}
