using FilePipeline.Functions.Runtime;

namespace FilePipeline.Lambda.Runtime;

/// <summary>One function as the bootstrap calls it: the raw event in, the raw response out.</summary>
/// <param name="cancellationToken">Cancelled at the invocation's deadline.</param>
public delegate Task<ReadOnlyMemory<byte>> LambdaHandler(ReadOnlyMemory<byte> input, ILambdaContext context, CancellationToken cancellationToken);
