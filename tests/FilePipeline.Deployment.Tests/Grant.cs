namespace FilePipeline.Deployment.Tests;

/// <summary>
/// One IAM action on one resource, the resource named by the template's logical id plus any
/// suffix (<c>UploadBucket/*</c>, <c>InspectFileFunction:*</c>), or <c>*</c>.
/// </summary>
internal sealed record Grant(string Action, string Resource)
{
    public override string ToString() => $"{Action} on {Resource}";
}
