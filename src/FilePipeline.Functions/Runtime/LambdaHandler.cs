namespace FilePipeline.Functions.Runtime;

/// <summary>One function as a host calls it: the raw event in, the raw response out (empty for a function that returns nothing).</summary>
/// <param name="cancellationToken">Cancelled at the invocation's deadline.</param>
public delegate Task<ReadOnlyMemory<byte>> LambdaHandler(ReadOnlyMemory<byte> input, ILambdaContext context, CancellationToken cancellationToken);
