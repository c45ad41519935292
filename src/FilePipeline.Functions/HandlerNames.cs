namespace FilePipeline.Functions;

/// <summary>
/// The values of <c>ANNOTATIONS_HANDLER</c> in serverless.template, one per function class; the
/// bootstrap and the local host dispatch on them.
/// </summary>
public static class HandlerNames
{
    public const string ValidateUpload = nameof(ValidateUpload);
    public const string ProcessQueue = nameof(ProcessQueue);
    public const string InspectFile = nameof(InspectFile);
}
