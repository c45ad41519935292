namespace FilePipeline.States.Intrinsics;

/// <summary>
/// An intrinsic function could not be evaluated: wrong argument count or types, a bad value or a
/// malformed expression. The engine reports it as the ASL error <see cref="ErrorName"/>.
/// </summary>
public sealed class IntrinsicFailureException(string message) : Exception(message)
{
    /// <summary>The ASL error name AWS raises for every intrinsic failure.</summary>
    public const string ErrorName = "States.IntrinsicFailure";
}
