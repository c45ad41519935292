using FilePipeline.Host.Faults;


namespace FilePipeline.Host.Tests.Faults;

public sealed class FaultPlanTests
{
    [Fact]
    public void Rules_of_every_kind_parse_with_their_options()
    {
        var plan = FaultPlan.Parse("fail=InspectFile,times=2 ; fail=ValidateUpload,key=bad/*.csv; throttle=0.25; exit-after=ClaimFile,times=3,mode=exit");

        Assert.Equal([new FunctionFault("InspectFile", 2, null), new FunctionFault("ValidateUpload", null, "bad/*.csv")], plan.FunctionFaults);
        Assert.Equal(0.25, plan.ThrottleRate);
        Assert.Equal([new ExitFault("ClaimFile", 3, ExitMode.Exit)], plan.Exits);
    }

    [Fact]
    public void Empty_text_is_no_faults() => Assert.True(FaultPlan.Parse(" ").IsEmpty);

    [Theory]
    [InlineData("explode=InspectFile")]
    [InlineData("fail=InspectFile,times=0")]
    [InlineData("fail=InspectFile,color=red")]
    [InlineData("throttle=1.5")]
    [InlineData("exit-after=ClaimFile,mode=nap")]
    [InlineData("fail")]
    public void Malformed_rules_are_refused_naming_the_rule(string text)
    {
        var error = Assert.Throws<FormatException>(() => FaultPlan.Parse(text));

        Assert.Contains(text.Split(',')[0], error.Message, StringComparison.Ordinal);
    }
}
