namespace FilePipeline.Core.Ports;

/// <summary>
/// The storage services the host runs the functions and the state machine over: the embedded
/// ones by default, or real S3, SQS and DynamoDB (<c>--backend aws</c>).
/// </summary>
/// <param name="Objects">The bucket the functions read and uploads go to.</param>
/// <param name="WorkQueue">ValidateUpload's sending side of the work queue.</param>
/// <param name="WorkQueueConsumer">The event source mapping's side of the work queue.</param>
/// <param name="FunctionLedger">The ledger as the functions see it (subject to injected throttling locally).</param>
/// <param name="Ledger">The ledger as the host and the CLI read it.</param>
/// <param name="DeadLetters">The work queue's DLQ.</param>
/// <param name="Table">The dynamodb:* tasks' target.</param>
/// <param name="NotifiesUploads">True when a put already queues ValidateUpload's S3 event (the embedded bucket); otherwise the host delivers it.</param>
public sealed record PipelineServices(
    IObjectStore Objects,
    IJobQueue WorkQueue,
    IWorkQueueConsumer WorkQueueConsumer,
    ILedger FunctionLedger,
    ILedger Ledger,
    IDeadLetterQueue DeadLetters,
    ITableClient Table,
    bool NotifiesUploads)
{
    /// <summary>What the pipeline disposes with itself (the clients of real services).</summary>
    public IDisposable? Owned { get; init; }
}
