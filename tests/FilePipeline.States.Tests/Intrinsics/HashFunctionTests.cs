namespace FilePipeline.States.Tests.Intrinsics;

public class HashFunctionTests
{
    private const string Input = """{"Data":"input data","Algorithm":"SHA-1"}""";

    [Fact]
    public void SHA1_of_the_AWS_example_is_the_true_digest()
    {
        // AWS's page prints a 39-digit value (one digit dropped); this is SHA-1("input data").
        Intrinsic.AssertJson("\"aaff4a450a104cd177d28d18d74485e8cae074b7\"", Intrinsic.Evaluate("States.Hash($.Data, $.Algorithm)", Input));
    }

    [Theory]
    [InlineData("MD5", "812f45842bc6d66ee14572ce20db8e86")]
    [InlineData("SHA-256", "b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3")]
    [InlineData("SHA-384", "d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562")]
    [InlineData("SHA-512", "6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4")]
    public void Every_documented_algorithm_gives_its_lowercase_hex_digest(string algorithm, string digest)
    {
        Assert.Equal(digest, Intrinsic.Evaluate($"States.Hash($.Data, '{algorithm}')", Input)!.GetValue<string>());
    }

    [Theory]
    [InlineData("SHA256")]
    [InlineData("sha-256")]
    [InlineData("SHA-224")]
    public void An_undocumented_algorithm_name_is_an_intrinsic_failure(string algorithm)
    {
        var failure = Intrinsic.Fails($"States.Hash($.Data, '{algorithm}')", Input);

        Assert.Contains(algorithm, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_over_10000_characters_is_an_intrinsic_failure()
    {
        Intrinsic.Fails("States.Hash($.s, 'MD5')", $$"""{"s":"{{new string('a', 10_001)}}"}""");
    }

    [Theory]
    [InlineData("States.Hash(1, 'MD5')")]
    [InlineData("States.Hash('a')")]
    public void A_non_string_or_a_missing_algorithm_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression);
    }
}
