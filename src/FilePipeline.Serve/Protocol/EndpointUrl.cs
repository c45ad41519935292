using Microsoft.AspNetCore.Http;

namespace FilePipeline.Serve.Protocol;

/// <summary>The endpoint URL a client used, for URLs serve hands back (queue URLs, Locations).</summary>
public static class EndpointUrl
{
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}";
    }
}
