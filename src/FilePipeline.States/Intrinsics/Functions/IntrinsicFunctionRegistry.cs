using System.Collections.Frozen;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>Every intrinsic AWS documents, by its exact (case-sensitive) name.</summary>
internal static class IntrinsicFunctionRegistry
{
    private static readonly FrozenDictionary<string, IntrinsicFunction> Functions = new IntrinsicFunction[]
    {
        new FormatFunction(),
        new StringToJsonFunction(),
        new JsonToStringFunction(),
        new ArrayFunction(),
        new ArrayPartitionFunction(),
        new ArrayContainsFunction(),
        new ArrayRangeFunction(),
        new ArrayGetItemFunction(),
        new ArrayLengthFunction(),
        new ArrayUniqueFunction(),
        new Base64EncodeFunction(),
        new Base64DecodeFunction(),
        new HashFunction(),
        new JsonMergeFunction(),
        new MathRandomFunction(),
        new MathAddFunction(),
        new StringSplitFunction(),
        new UuidFunction(),
    }.ToFrozenDictionary(function => function.Signature.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => Functions.Keys;

    public static bool TryGet(string name, out IntrinsicFunction function) => Functions.TryGetValue(name, out function!);
}
