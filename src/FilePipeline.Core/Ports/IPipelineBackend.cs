namespace FilePipeline.Core.Ports;

/// <summary>Where the pipeline's bucket, queues and table live: the embedded backend, or S3, SQS and DynamoDB.</summary>
public interface IPipelineBackend
{
    /// <summary>Finds (or creates, as the backend is set up to) the resources and returns the services over them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of the range the service allows.</exception>
    Task<PipelineServices> OpenAsync(PipelineResources resources, CancellationToken cancellationToken);
}
