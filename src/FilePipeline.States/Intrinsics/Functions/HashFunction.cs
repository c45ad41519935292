using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FilePipeline.States.Intrinsics.Functions;

/// <summary>
/// <c>States.Hash(data, algorithm)</c>: the lowercase hex digest of the UTF-8 bytes of a string of
/// up to 10,000 characters. Algorithms (exact names): MD5, SHA-1, SHA-256, SHA-384, SHA-512.
/// </summary>
internal sealed class HashFunction : IntrinsicFunction
{
    private static readonly FrozenDictionary<string, Func<byte[], byte[]>> Algorithms = new Dictionary<string, Func<byte[], byte[]>>(StringComparer.Ordinal)
    {
        ["MD5"] = MD5.HashData,
        ["SHA-1"] = SHA1.HashData,
        ["SHA-256"] = SHA256.HashData,
        ["SHA-384"] = SHA384.HashData,
        ["SHA-512"] = SHA512.HashData,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public override IntrinsicSignature Signature { get; } = new(
        "States.Hash", 2, 2, IntrinsicArgumentTypes.String, IntrinsicArgumentTypes.String);

    public override JsonNode? Invoke(IntrinsicArguments arguments, IntrinsicServices services)
    {
        var data = InputLimit.Check(arguments, 0);
        var algorithm = arguments.String(1);
        return JsonValue.Create(Digest(data, algorithm) ?? throw arguments.Failure($"the algorithm '{algorithm}' is not one of {AlgorithmNames}"));
    }

    /// <summary>The algorithm names, for messages.</summary>
    public static string AlgorithmNames => string.Join(", ", Algorithms.Keys.Order(StringComparer.Ordinal));

    /// <summary>The lowercase hex digest of <paramref name="data"/>'s UTF-8 bytes; null for an unknown algorithm (JSONata's <c>$hash</c> shares it).</summary>
    public static string? Digest(string data, string algorithm) =>
        Algorithms.TryGetValue(algorithm, out var hash) ? Convert.ToHexStringLower(hash(Encoding.UTF8.GetBytes(data))) : null;
}
