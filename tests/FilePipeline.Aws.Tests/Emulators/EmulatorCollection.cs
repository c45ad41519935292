using FilePipeline.Testing.Emulators;

namespace FilePipeline.Aws.Tests.Emulators;

/// <summary>Tests against the emulators share one fauxqs and one DynamoDB Local per run.</summary>
[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<AwsEmulators>
{
    public const string Name = "Emulators";
}
