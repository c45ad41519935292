namespace FilePipeline.Functions;

/// <summary>
/// The values of <c>ANNOTATIONS_HANDLER</c>: each function method's name, which the generated
/// registry dispatches on and the template synchroniser writes.
/// </summary>
public static class HandlerNames
{
    public const string ValidateUpload = nameof(ValidateUploadFunction.ValidateUpload);
    public const string ProcessQueue = nameof(ProcessQueueFunction.ProcessQueue);
    public const string InspectFile = nameof(InspectFileFunction.InspectFile);
}
