using System.Security.Cryptography;
using System.Text;
using FilePipeline.Serve.Signing;

namespace FilePipeline.Serve.S3;

/// <summary>
/// The signature chain of a signed aws-chunked body (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]):
/// each chunk is signed over the previous signature and its data's hash, starting from the seed
/// signature of the request's headers; the trailer is signed the same way.
/// </summary>
public sealed class ChunkSignatures(byte[] signingKey, string amzDate, string scope, string seedSignature)
{
    private static readonly string EmptyHash = SigV4Verifier.Hex(SHA256.HashData([]));

    private string previous = seedSignature;

    /// <exception cref="Protocol.AwsErrorException">SignatureDoesNotMatch.</exception>
    public void VerifyChunk(byte[] dataHash, string signature) =>
        Verify($"AWS4-HMAC-SHA256-PAYLOAD\n{amzDate}\n{scope}\n{previous}\n{EmptyHash}\n{SigV4Verifier.Hex(dataHash)}", signature);

    /// <exception cref="Protocol.AwsErrorException">SignatureDoesNotMatch.</exception>
    public void VerifyTrailer(string trailerText, string signature) =>
        Verify($"AWS4-HMAC-SHA256-TRAILER\n{amzDate}\n{scope}\n{previous}\n{SigV4Verifier.Hex(SHA256.HashData(Encoding.UTF8.GetBytes(trailerText)))}", signature);

    private void Verify(string stringToSign, string signature)
    {
        var expected = SigV4Verifier.Hex(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            throw new Protocol.AwsErrorException("SignatureDoesNotMatch", "The chunk signature we calculated does not match the signature you provided.", 403);
        }

        previous = signature;
    }
}
