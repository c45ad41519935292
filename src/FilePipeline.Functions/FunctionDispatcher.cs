using System.Text.Json;

namespace FilePipeline.Functions;

/// <summary>
/// Invokes a function by its handler name (<see cref="HandlerNames"/>) with a JSON payload and
/// returns its JSON response, as the Lambda bootstrap and the local host both must; the
/// (de)serialization uses <see cref="FunctionsJsonContext"/>, so it is AOT-safe.
/// </summary>
public sealed class FunctionDispatcher(ValidateUploadFunction validateUpload, ProcessQueueFunction processQueue, InspectFileFunction inspectFile)
{
    /// <summary>Every handler name this dispatcher knows.</summary>
    public static IReadOnlyList<string> Handlers { get; } = [HandlerNames.ValidateUpload, HandlerNames.ProcessQueue, HandlerNames.InspectFile];

    /// <summary>True when <paramref name="handler"/> names a function, so a host can fail at start-up instead of per invocation.</summary>
    public static bool IsKnown(string? handler) => handler is not null && Handlers.Contains(handler, StringComparer.Ordinal);

    /// <returns>The response JSON; <c>null</c> for ValidateUpload, which returns nothing.</returns>
    /// <exception cref="ArgumentException"><paramref name="handler"/> is not one of <see cref="Handlers"/>.</exception>
    /// <exception cref="JsonException"><paramref name="payload"/> is not the handler's event.</exception>
    public async Task<string> InvokeAsync(string handler, string payload, Runtime.ILambdaContext context)
    {
        var json = FunctionsJsonContext.Default;
        switch (handler)
        {
            case HandlerNames.ValidateUpload:
                await validateUpload.HandleAsync(Parse(payload, json.S3Event), context);
                return "null";
            case HandlerNames.ProcessQueue:
                return JsonSerializer.Serialize(await processQueue.HandleAsync(Parse(payload, json.SQSEvent), context), json.SQSBatchResponse);
            case HandlerNames.InspectFile:
                return JsonSerializer.Serialize(await inspectFile.HandleAsync(Parse(payload, json.ExecutionInput), context), json.InspectFileResult);
            default:
                throw new ArgumentException($"Unknown handler '{handler}'; expected one of {string.Join(", ", Handlers)}.", nameof(handler));
        }
    }

    private static T Parse<T>(string payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) =>
        JsonSerializer.Deserialize(payload, type) ?? throw new JsonException($"The payload is null, not a {typeof(T).Name}.");
}
