using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>
/// InputPath, OutputPath or ResultPath: a path, or JSON <c>null</c> which AWS treats specially
/// (empty input/output, or discard the result). Absent fields default to <c>$</c>.
/// </summary>
internal sealed class NullablePath
{
    public static readonly NullablePath Root = new(JsonPath.Parse("$"));

    public static readonly NullablePath Null = new(null);

    public NullablePath(JsonPath? path) => Path = path;

    /// <summary>The path; null when the definition gave JSON null.</summary>
    public JsonPath? Path { get; }

    /// <summary>
    /// InputPath/OutputPath: select from <paramref name="input"/> (or <c>$$</c>, or a variable);
    /// null gives <c>{}</c>. A path that matches nothing fails with AWS's States.Runtime wording.
    /// </summary>
    public JsonNode? Select(JsonNode? input, IStateContext run)
    {
        if (Path is null)
        {
            return new JsonObject();
        }

        if (Path.IsRoot)
        {
            return input;
        }

        // The roots (context object, variables) are reached only here: a state whose paths are all $ builds none.
        return Path.TrySelect(input, run.Roots, out var selected)
            ? JsonValues.Detach(selected)
            : throw new StateErrorException(StatesErrors.Runtime, $"Invalid path '{Path.Text}' : {Path.DescribeMiss(input, run.Roots)}");
    }

    /// <summary>
    /// ResultPath: place <paramref name="result"/> into a copy of the raw state input, or into the input itself
    /// when <paramref name="ownsInput"/> says it is a copy nothing else holds and the path names one of its fields.
    /// </summary>
    public JsonNode? Merge(JsonNode? rawInput, JsonNode? result, bool ownsInput = false)
    {
        if (Path is null)
        {
            return rawInput;
        }

        if (Path.IsRoot)
        {
            return result;
        }

        // Writing one field of an object cannot fail halfway, so the input needs no second copy.
        if (ownsInput && Path.TopLevelName is { } field && rawInput is JsonObject input && !ReferenceEquals(result, rawInput))
        {
            input[field] = JsonValues.Detach(result);
            return input;
        }

        try
        {
            return Path.SetIn(rawInput?.DeepClone(), JsonValues.Detach(result));
        }
        catch (InvalidOperationException e)
        {
            throw new StateErrorException(
                StatesErrors.ResultPathMatchFailure,
                $"Unable to apply ResultPath \"{Path.Text}\" to input \"{JsonValues.ToJson(rawInput)}\": {e.Message}");
        }
    }
}
