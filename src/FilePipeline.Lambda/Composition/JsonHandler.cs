using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FilePipeline.Functions.Runtime;
using FilePipeline.Lambda.Runtime;

namespace FilePipeline.Lambda.Composition;

/// <summary>Adapts a typed function method to a <see cref="LambdaHandler"/> with source-generated (AOT-safe) JSON.</summary>
public static class JsonHandler
{
    public static LambdaHandler Create<TEvent, TResponse>(Func<TEvent, ILambdaContext, Task<TResponse>> handle, JsonTypeInfo<TEvent> eventType, JsonTypeInfo<TResponse> responseType)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return async (input, context, _) =>
        {
            var response = await handle(Read(input, eventType), context).ConfigureAwait(false);
            return JsonSerializer.SerializeToUtf8Bytes(response, responseType);
        };
    }

    /// <summary>For a function with no result (an async invoke's): the response body is empty.</summary>
    public static LambdaHandler Create<TEvent>(Func<TEvent, ILambdaContext, Task> handle, JsonTypeInfo<TEvent> eventType)
    {
        ArgumentNullException.ThrowIfNull(handle);
        return async (input, context, _) =>
        {
            await handle(Read(input, eventType), context).ConfigureAwait(false);
            return ReadOnlyMemory<byte>.Empty;
        };
    }

    private static TEvent Read<TEvent>(ReadOnlyMemory<byte> input, JsonTypeInfo<TEvent> eventType) =>
        JsonSerializer.Deserialize(input.Span, eventType) ?? throw new JsonException($"The event is null; expected a {typeof(TEvent).Name}.");
}
