using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Mocking;

/// <summary>
/// A Step Functions Local mock configuration (MockConfigFile.json): <c>StateMachines → TestCases →
/// state → mocked response</c>, and <c>MockedResponses</c> answering per attempt (<c>"0"</c>, <c>"1-2"</c>)
/// with <c>Return</c> or <c>Throw</c>. Existing AWS test setups work unchanged.
/// </summary>
public sealed class MockConfiguration
{
    private readonly JsonObject stateMachines;
    private readonly JsonObject mockedResponses;

    private MockConfiguration(JsonObject stateMachines, JsonObject mockedResponses)
    {
        this.stateMachines = stateMachines;
        this.mockedResponses = mockedResponses;
    }

    /// <summary>Parses the file; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static MockConfiguration Parse(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("The mock configuration must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The mock configuration is not valid JSON: {e.Message}", e);
        }

        return new MockConfiguration(
            root["StateMachines"] as JsonObject ?? throw new FormatException("The mock configuration has no 'StateMachines' object"),
            root["MockedResponses"] as JsonObject ?? throw new FormatException("The mock configuration has no 'MockedResponses' object"));
    }

    /// <summary>
    /// The handler serving <paramref name="testCase"/>'s mocked states. When the file holds a single
    /// state machine it is used whatever <paramref name="stateMachineName"/> says.
    /// </summary>
    public ITaskHandler CreateHandler(string? stateMachineName, string testCase)
    {
        var machine = stateMachineName is not null && stateMachines[stateMachineName] is JsonObject named
            ? named
            : stateMachines.Count == 1
                ? stateMachines.First().Value as JsonObject
                : throw new FormatException($"The mock configuration has no state machine '{stateMachineName}' (it has: {string.Join(", ", stateMachines.Select(p => p.Key))})");
        var cases = machine?["TestCases"] as JsonObject ?? throw new FormatException("The mocked state machine has no 'TestCases' object");
        if (cases[testCase] is not JsonObject mockedStates)
        {
            throw new FormatException($"The mock configuration has no test case '{testCase}' (it has: {string.Join(", ", cases.Select(p => p.Key))})");
        }

        var responses = new Dictionary<string, MockedResponse>(StringComparer.Ordinal);
        foreach (var (state, responseName) in mockedStates)
        {
            var name = JsonValues.TryGetString(responseName, out var text) ? text : throw new FormatException($"Test case '{testCase}' state '{state}' must name a mocked response");
            responses[state] = MockedResponse.Parse(name, mockedResponses[name] as JsonObject
                ?? throw new FormatException($"The mocked response '{name}' used by state '{state}' is not defined in 'MockedResponses'"));
        }

        return new MockTaskHandler(testCase, responses);
    }

    /// <summary>One mocked response: a Return or Throw per attempt range.</summary>
    private sealed class MockedResponse(string name, List<(int From, int To, JsonObject Answer)> ranges)
    {
        public static MockedResponse Parse(string name, JsonObject attempts)
        {
            var ranges = new List<(int, int, JsonObject)>();
            foreach (var (key, value) in attempts)
            {
                var parts = key.Split('-');
                if (parts.Length is < 1 or > 2
                    || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
                    || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var to)
                    || to < from
                    || value is not JsonObject answer
                    || (answer["Return"] is null && answer["Throw"] is not JsonObject))
                {
                    throw new FormatException($"Mocked response '{name}': '{key}' must be an attempt number or range with a 'Return' or 'Throw'");
                }

                ranges.Add((from, to, answer));
            }

            return ranges.Count == 0
                ? throw new FormatException($"Mocked response '{name}' has no attempts")
                : new MockedResponse(name, [.. ranges.OrderBy(r => r.Item1)]);
        }

        /// <summary>The answer for a 0-based attempt; past the last range the last answer repeats.</summary>
        public JsonNode? Answer(int attempt)
        {
            var answer = ranges.FirstOrDefault(r => attempt >= r.From && attempt <= r.To).Answer ?? ranges[^1].Answer;
            if (answer["Throw"] is JsonObject failure)
            {
                throw new TaskFailedException(
                    failure["Error"]?.GetValue<string>() ?? "MockedError",
                    failure["Cause"]?.GetValue<string>() ?? $"Mocked response '{name}' attempt {attempt}");
            }

            return answer["Return"]?.DeepClone();
        }
    }

    private sealed class MockTaskHandler(string testCase, Dictionary<string, MockedResponse> responses) : ITaskHandler
    {
        private readonly Dictionary<string, int> attempts = new(StringComparer.Ordinal);
        private readonly Lock gate = new();

        public Task<JsonNode?> InvokeAsync(TaskRequest request, CancellationToken cancellationToken)
        {
            if (!responses.TryGetValue(request.StateName, out var response))
            {
                throw new TaskFailedException(
                    StatesErrors.Runtime, $"State '{request.StateName}' has no mocked response in test case '{testCase}' and no handler serves '{request.Resource}'");
            }

            int attempt;
            lock (gate)
            {
                attempts.TryGetValue(request.StateName, out attempt);
                attempts[request.StateName] = attempt + 1;
            }

            return Task.FromResult(response.Answer(attempt));
        }
    }
}
