using System.Globalization;

namespace FilePipeline.Aws.Protocol;

/// <summary>Who signs for what, and when: <c>{date}/{region}/{service}/aws4_request</c>.</summary>
public sealed record SigV4Scope(DateTimeOffset SignedAt, string Region, string Service)
{
    public string AmzDate => SignedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public string Date => SignedAt.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public string CredentialScope => $"{Date}/{Region}/{Service}/aws4_request";
}
