namespace FilePipeline.States.Intrinsics;

/// <summary>
/// The sources of randomness intrinsics use (<c>States.MathRandom</c> without a seed and
/// <c>States.UUID</c>), injectable so tests get repeatable values.
/// </summary>
/// <param name="Random">Draws unseeded <c>States.MathRandom</c> numbers.</param>
/// <param name="NewGuid">Creates the version 4 UUIDs <c>States.UUID</c> returns.</param>
public sealed record IntrinsicServices(Random Random, Func<Guid> NewGuid)
{
    /// <summary>The shared thread-safe random generator and <see cref="Guid.NewGuid"/>.</summary>
    public static IntrinsicServices Default { get; } = new(Random.Shared, Guid.NewGuid);
}
