using System.Text.RegularExpressions;
using FilePipeline.States.Intrinsics;

namespace FilePipeline.States.Tests.Intrinsics;

public partial class UuidFunctionTests
{
    [Fact]
    public void A_version_4_UUID_is_returned_in_lowercase_canonical_form()
    {
        var uuid = Intrinsic.Evaluate("States.UUID()")!.GetValue<string>();

        Assert.Matches(Version4Uuid(), uuid);
    }

    [Fact]
    public void The_UUID_comes_from_the_injected_generator()
    {
        var fixedGuid = Guid.Parse("CA4C1140-DCC1-40CD-AD05-7B4AA23DF4A8");

        var result = Intrinsic.Evaluate("States.UUID()", services: new IntrinsicServices(Random.Shared, () => fixedGuid));

        Intrinsic.AssertJson("\"ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8\"", result);
    }

    [Fact]
    public void Two_calls_give_different_UUIDs()
    {
        Assert.NotEqual(Intrinsic.Evaluate("States.UUID()")!.ToJsonString(), Intrinsic.Evaluate("States.UUID()")!.ToJsonString());
    }

    [Fact]
    public void An_argument_is_an_intrinsic_failure()
    {
        Intrinsic.Fails("States.UUID('x')");
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")]
    private static partial Regex Version4Uuid();
}
