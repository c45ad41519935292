namespace FilePipeline.Core.Uploads;

/// <summary>Why an upload is refused.</summary>
/// <param name="Code">A stable reason code (<see cref="UploadRejectionCodes"/>), for machines.</param>
/// <param name="Reason">A sentence that tells a person what to change.</param>
public sealed record UploadRejection(string Code, string Reason);
