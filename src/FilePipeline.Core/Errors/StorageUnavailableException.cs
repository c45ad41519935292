namespace FilePipeline.Core.Errors;

/// <summary>A store (object store, queue, table) failed in a way that retrying may fix.</summary>
public sealed class StorageUnavailableException(string message, Exception? innerException = null) : PipelineException(message, innerException)
{
    public override bool IsPermanent => false;
}
