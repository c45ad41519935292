namespace FilePipeline.Functions.Runtime;

/// <summary>
/// Amazon.Lambda.Core's serializer contract, present so <see cref="ILambdaContext"/> has its exact
/// members; our wrappers serialize through the source-generated JSON context instead.
/// </summary>
public interface ILambdaSerializer
{
    T Deserialize<T>(Stream requestStream);

    void Serialize<T>(T response, Stream responseStream);
}
