using System.Net.Http.Headers;
using Amazon.Runtime;

namespace FilePipeline.Aws.Protocol;

/// <summary>
/// Builds one SigV4-signed HTTP request (every header it sends is signed) for the protocols this
/// project speaks itself: JSON 1.0/1.1, Query and Lambda's REST-JSON.
/// </summary>
public sealed class AwsRequestSigner(AWSCredentials credentials, TimeProvider time)
{
    public async Task<HttpRequestMessage> CreateAsync(
        HttpMethod method, Uri url, byte[] body, string contentType, string region, string service, IReadOnlyList<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(headers);
        var identity = await credentials.GetCredentialsAsync().ConfigureAwait(false);
        var scope = new SigV4Scope(time.GetUtcNow(), region, service);
        var sent = new List<KeyValuePair<string, string>>(headers) { new("X-Amz-Date", scope.AmzDate) };
        if (!string.IsNullOrEmpty(identity.Token))
        {
            sent.Add(new("X-Amz-Security-Token", identity.Token));
        }

        var signed = new List<KeyValuePair<string, string>>(sent)
        {
            new("host", url.IsDefaultPort ? url.Host : url.Authority),
            new("content-type", contentType),
        };
        var authorization = SigV4Signer.CreateAuthorization(
            new SigV4Request(method.Method, url, signed, SigV4Signer.HashHex(body)),
            new SigV4Credentials(identity.AccessKey, identity.SecretKey, identity.Token),
            scope);

        var message = new HttpRequestMessage(method, url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in sent)
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        message.Headers.TryAddWithoutValidation("Authorization", authorization);
        return message;
    }
}
