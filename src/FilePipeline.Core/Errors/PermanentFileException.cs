namespace FilePipeline.Core.Errors;

/// <summary>A problem with the file itself; the upload is rejected with <see cref="PipelineException.Message"/> as the reason.</summary>
public abstract class PermanentFileException(string message, Exception? innerException = null) : PipelineException(message, innerException)
{
    public sealed override bool IsPermanent => true;
}
