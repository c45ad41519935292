using System.Text.Json.Serialization;
using FilePipeline.Functions.Events;
using FilePipeline.Functions.Payloads;

namespace FilePipeline.Functions;

/// <summary>
/// The source-generated (AOT-safe) serializer for everything the functions read and write:
/// Lambda events and responses, the queue message and the state machine's payloads.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(S3Event))]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
[JsonSerializable(typeof(QueueMessage))]
[JsonSerializable(typeof(ExecutionInput))]
[JsonSerializable(typeof(InspectFileResult))]
[JsonSerializable(typeof(AsyncInvocationRecord))]
public sealed partial class FunctionsJsonContext : JsonSerializerContext;
