namespace FilePipeline.States.Intrinsics;

// TEMPORARY placeholder: the intrinsics helper's version replaces this file at merge.
public sealed class IntrinsicFailureException(string message) : Exception(message);
