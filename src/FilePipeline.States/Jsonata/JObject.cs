namespace FilePipeline.States.Jsonata;

/// <summary>A JSON object inside the evaluator: properties keep their insertion order, as in JavaScript.</summary>
internal sealed class JObject : OrderedDictionary<string, object?>
{
    public JObject()
        : base(StringComparer.Ordinal)
    {
    }
}
