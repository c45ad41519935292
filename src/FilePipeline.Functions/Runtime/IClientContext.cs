namespace FilePipeline.Functions.Runtime;

/// <summary>The client context of an invocation from the AWS Mobile SDK, as Amazon.Lambda.Core's.</summary>
public interface IClientContext
{
    IDictionary<string, string> Environment { get; }

    IClientApplication Client { get; }

    IDictionary<string, string> Custom { get; }
}
