using FilePipeline.Testing.Emulators;

namespace FilePipeline.Cli.Tests.Pipeline;

/// <summary>The `--backend aws` tests share one fauxqs (S3 + SQS) and one DynamoDB Local per run, with SDK clients for checking what landed there.</summary>
[CollectionDefinition(Name)]
public sealed class AwsBackendEmulators : ICollectionFixture<AwsEmulators>
{
    public const string Name = "AwsBackendEmulators";
}
