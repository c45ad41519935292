using FilePipeline.States.Intrinsics;

namespace FilePipeline.States.Tests.Intrinsics;

public class MathRandomFunctionTests
{
    private const string Input = """{"start":1,"end":999}""";

    [Fact]
    public void The_number_is_drawn_from_the_injected_source_between_start_inclusive_and_end_exclusive()
    {
        var source = new RecordingRandom(returns: 456);

        var result = Intrinsic.Evaluate("States.MathRandom($.start, $.end)", Input, new IntrinsicServices(source, Guid.NewGuid));

        Intrinsic.AssertJson("456", result);
        Assert.Equal((1, 999), source.LastRange);
    }

    [Fact]
    public void Unseeded_numbers_stay_within_the_range()
    {
        for (var i = 0; i < 200; i++)
        {
            var value = Intrinsic.Evaluate("States.MathRandom(1, 3)")!.GetValue<long>();
            Assert.InRange(value, 1, 2);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_number_whatever_the_injected_source()
    {
        var first = Intrinsic.Evaluate("States.MathRandom(1, 1000000, 42)", services: new IntrinsicServices(new RecordingRandom(1), Guid.NewGuid));
        var second = Intrinsic.Evaluate("States.MathRandom(1, 1000000, 42)");

        Intrinsic.AssertJson(first!.ToJsonString(), second);
        Assert.InRange(first.GetValue<long>(), 1, 999_999);
    }

    [Fact]
    public void Non_integer_bounds_are_rounded_to_the_nearest_integer()
    {
        var source = new RecordingRandom(returns: 2);

        Intrinsic.Evaluate("States.MathRandom(0.5, 9.4)", services: new IntrinsicServices(source, Guid.NewGuid));

        Assert.Equal((1, 9), source.LastRange);
    }

    [Theory]
    [InlineData("States.MathRandom(5, 5)")]
    [InlineData("States.MathRandom(9, 1)")]
    [InlineData("States.MathRandom('1', 9)")]
    [InlineData("States.MathRandom(1)")]
    [InlineData("States.MathRandom(1, 2, 3, 4)")]
    [InlineData("States.MathRandom(1, 2, 'seed')")]
    public void An_empty_range_a_non_number_or_a_wrong_argument_count_is_an_intrinsic_failure(string expression)
    {
        Intrinsic.Fails(expression);
    }

    private sealed class RecordingRandom(long returns) : Random
    {
        public (long Min, long Max) LastRange { get; private set; }

        public override long NextInt64(long minValue, long maxValue)
        {
            LastRange = (minValue, maxValue);
            return returns;
        }
    }
}
