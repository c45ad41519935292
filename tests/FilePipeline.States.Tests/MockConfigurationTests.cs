using FilePipeline.States.Mocking;

namespace FilePipeline.States.Tests;

public class MockConfigurationTests
{
    private static Harness WithTestCase(string testCase)
    {
        var configuration = MockConfiguration.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Mocks", "flaky.mock.json")));
        var harness = new Harness();
        harness.Handlers.Fallback = configuration.CreateHandler("AnyName", testCase);
        return harness;
    }

    [Fact]
    public async Task Attempt_ranges_answer_each_retry_in_turn()
    {
        var result = await WithTestCase("RecoversOnThirdAttempt").RunAsync("retry-backoff.json");
        Harness.AssertJson("""{"StatusCode":200,"Payload":{"ok":true}}""", Harness.Output(result));
        Assert.Equal(2, result.History.Count(e => e.Type == "TaskFailed"));
    }

    [Fact]
    public async Task A_Throw_response_is_caught_like_a_real_service_error()
    {
        var result = await WithTestCase("AlwaysFails").RunAsync("catch-resultpath.json", """{"id":1}""");
        Harness.AssertJson("""{"id":1,"error":{"Error":"Custom.Permanent","Cause":"gone"}}""", Harness.Output(result));
    }

    [Fact]
    public async Task A_state_without_a_mocked_response_fails_clearly()
    {
        var result = await WithTestCase("NothingMocked").RunAsync("catch-resultpath.json");
        Assert.Equal("States.Runtime", result.Error);
        Assert.Contains("State 'Fails' has no mocked response in test case 'NothingMocked'", result.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_test_case_is_reported_with_the_known_ones()
    {
        var configuration = MockConfiguration.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Mocks", "flaky.mock.json")));
        var error = Assert.Throws<FormatException>(() => configuration.CreateHandler(null, "Nope"));
        Assert.Contains("RecoversOnThirdAttempt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_attempt_key_is_rejected()
    {
        var configuration = MockConfiguration.Parse(
            """{"StateMachines":{"M":{"TestCases":{"T":{"S":"R"}}}},"MockedResponses":{"R":{"two":{"Return":1}}}}""");
        Assert.Throws<FormatException>(() => configuration.CreateHandler("M", "T"));
    }
}
