using System.Text;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;

namespace FilePipeline.Aws.Protocol;

/// <summary>
/// One signed call of an AWS Query protocol service (STS, CloudFormation): a form-encoded
/// <c>POST /</c> with <c>Action</c> and <c>Version</c>, an XML answer, and AWS's error XML
/// (<c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Code&gt;…</c>) turned into <see cref="AwsServiceException"/>.
/// </summary>
public sealed class AwsQueryClient(HttpClient http, AWSCredentials credentials, TimeProvider time)
{
    public const string ContentType = "application/x-www-form-urlencoded; charset=utf-8";

    private readonly AwsRequestSigner signer = new(credentials, time);

    /// <summary>Calls <paramref name="action"/> and returns the answer's root element.</summary>
    public async Task<XElement> SendAsync(
        Uri url, string region, string service, string version, string action, IReadOnlyList<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var form = new StringBuilder("Action=").Append(Uri.EscapeDataString(action)).Append("&Version=").Append(Uri.EscapeDataString(version));
        foreach (var (name, value) in parameters)
        {
            form.Append('&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }

        var body = Encoding.UTF8.GetBytes(form.ToString());
        using var message = await signer.CreateAsync(HttpMethod.Post, url, body, ContentType, region, service, []).ConfigureAwait(false);
        using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var content = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var document = Parse(content);
        if (!response.IsSuccessStatusCode)
        {
            var error = document?.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            throw new AwsServiceException(
                Child(error, "Code") ?? (int)response.StatusCode switch { >= 500 => "ServiceUnavailable", var status => "HttpError" + status },
                Child(error, "Message") ?? response.ReasonPhrase ?? string.Empty,
                response.StatusCode,
                Child(document, "RequestId"));
        }

        return document ?? throw new AwsServiceException("InvalidResponse", $"The {action} response is not XML.", response.StatusCode, null);
    }

    /// <summary>The text of the first descendant named <paramref name="localName"/> (Query answers are namespaced per service and version).</summary>
    public static string? Child(XElement? parent, string localName) =>
        parent?.Descendants().FirstOrDefault(e => e.Name.LocalName == localName)?.Value;

    private static XElement? Parse(string content)
    {
        try
        {
            return content.Length == 0 ? null : XDocument.Parse(content).Root;
        }
        catch (XmlException)
        {
            // A proxy may answer with something else; the status code still says what happened.
            return null;
        }
    }
}
