namespace FilePipeline.Functions.Runtime;

/// <summary>The Amazon Cognito identity of the caller, as Amazon.Lambda.Core's.</summary>
public interface ICognitoIdentity
{
    string IdentityId { get; }

    string IdentityPoolId { get; }
}
