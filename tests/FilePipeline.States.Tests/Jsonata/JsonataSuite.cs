using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.States.Jsonata;

namespace FilePipeline.States.Tests.Jsonata;

/// <summary>
/// Runs a test suite in the format of the JSONata reference implementation's own suite
/// (jsonata-js <c>test/test-suite</c>: <c>groups/&lt;group&gt;/case*.json</c> holding a case or an array of
/// cases with <c>expr</c> or <c>expr-file</c>, <c>data</c> or <c>dataset</c>, <c>bindings</c>, and one of
/// <c>result</c>, <c>undefinedResult</c>, <c>code</c> or <c>error.code</c>; <c>datasets/&lt;name&gt;.json</c>) and reports
/// the pass rate per group.
/// </summary>
public sealed class JsonataSuite
{
    // The reference suite's harness reports its own depth and time guards as U1001; ours are D1011/D1012.
    private static readonly string[] GuardCodes = ["D1011", "D1012"];

    private readonly string directory;
    private readonly Dictionary<string, JsonNode?> datasets = new(StringComparer.Ordinal);

    public JsonataSuite(string directory)
    {
        this.directory = directory;
        var datasets = Path.Combine(directory, "datasets");
        if (Directory.Exists(datasets))
        {
            foreach (var file in Directory.GetFiles(datasets, "*.json"))
            {
                this.datasets[Path.GetFileNameWithoutExtension(file)] = JsonNode.Parse(File.ReadAllText(file));
            }
        }
    }

    public sealed record CaseResult(string Group, string Name, string Expression, bool Passed, string Detail);

    public sealed record GroupResult(string Group, int Passed, int Total)
    {
        public double Rate => Total == 0 ? 1 : (double)Passed / Total;
    }

    public IReadOnlyList<CaseResult> Run()
    {
        var results = new List<CaseResult>();
        foreach (var groupDirectory in Directory.GetDirectories(Path.Combine(this.directory, "groups")).Order(StringComparer.Ordinal))
        {
            var group = Path.GetFileName(groupDirectory);
            foreach (var file in Directory.GetFiles(groupDirectory, "*.json").Order(StringComparer.Ordinal))
            {
                var node = JsonNode.Parse(File.ReadAllText(file));
                var cases = node is JsonArray array ? array.Select(c => c!.AsObject()).ToList() : [node!.AsObject()];
                for (var i = 0; i < cases.Count; i++)
                {
                    var name = Path.GetFileNameWithoutExtension(file) + (cases.Count > 1 ? "[" + i.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty);
                    results.Add(RunSafely(group, name, groupDirectory, cases[i]));
                }
            }
        }

        return results;
    }

    public static IReadOnlyList<GroupResult> ByGroup(IReadOnlyList<CaseResult> results) =>
        results.GroupBy(r => r.Group).Select(g => new GroupResult(g.Key, g.Count(r => r.Passed), g.Count())).ToList();

    /// <summary>A Markdown table of pass rates per group followed by every failing case.</summary>
    public static string Report(IReadOnlyList<CaseResult> results)
    {
        var report = new StringBuilder();
        var passed = results.Count(r => r.Passed);
        report.Append(CultureInfo.InvariantCulture, $"Passed {passed} of {results.Count} cases ({100.0 * passed / Math.Max(results.Count, 1):F1} %).\n\n");
        report.Append("| Group | Passed | Cases | Rate |\n|---|---:|---:|---:|\n");
        foreach (var group in ByGroup(results))
        {
            report.Append(CultureInfo.InvariantCulture, $"| {group.Group} | {group.Passed} | {group.Total} | {100 * group.Rate:F0} % |\n");
        }

        report.Append("\nFailing cases:\n\n");
        foreach (var failure in results.Where(r => !r.Passed))
        {
            report.Append(CultureInfo.InvariantCulture, $"- {failure.Group}/{failure.Name}: `{failure.Expression.ReplaceLineEndings(" ")}` — {failure.Detail}\n");
        }

        return report.ToString();
    }

    // A case .NET cannot even read (e.g. a lone surrogate in a JSON string) counts as a failure, not a crash of the run.
    private CaseResult RunSafely(string group, string name, string groupDirectory, JsonObject testCase)
    {
        try
        {
            return RunCase(group, name, groupDirectory, testCase);
        }
        catch (InvalidOperationException e)
        {
            return new CaseResult(group, name, "(unreadable)", false, "unreadable case: " + e.Message);
        }
    }

    private CaseResult RunCase(string group, string name, string groupDirectory, JsonObject testCase)
    {
        var expression = testCase["expr"]?.GetValue<string>()
            ?? File.ReadAllText(Path.Combine(groupDirectory, testCase["expr-file"]!.GetValue<string>()));
        var input = InputOf(testCase);
        var bindings = JsonataBindings.Empty;
        if (testCase["bindings"] is JsonObject variables)
        {
            foreach (var (key, value) in variables)
            {
                bindings = bindings.WithVariable(key, value?.DeepClone());
            }
        }

        if (testCase["timelimit"] is { } timeLimit)
        {
            bindings = bindings.WithTimeLimit(TimeSpan.FromMilliseconds(timeLimit.GetValue<double>()));
        }

        if (testCase["depth"] is { } depth)
        {
            bindings = bindings.WithDepthLimit(depth.GetValue<int>());
        }

        try
        {
            var result = JsonataExpression.Compile(expression).Evaluate(input, bindings);
            return Judge(group, name, expression, testCase, result);
        }
        catch (JsonataException e)
        {
            var expected = ExpectedCode(testCase);
            var passed = expected == e.Code || (expected == "U1001" && GuardCodes.Contains(e.Code));
            return new CaseResult(group, name, expression, passed, passed ? string.Empty : $"threw {e.Code} ({e.Message}), expected {Expected(testCase)}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new CaseResult(group, name, expression, false, $"crashed: {e.GetType().Name}: {e.Message}");
        }
    }

    private JsonataResult InputOf(JsonObject testCase)
    {
        if (testCase.TryGetPropertyValue("data", out var data))
        {
            return JsonataResult.Of(data?.DeepClone());
        }

        return testCase["dataset"] is { } dataset && this.datasets.TryGetValue(dataset.GetValue<string>(), out var value)
            ? JsonataResult.Of(value?.DeepClone())
            : JsonataResult.Undefined;
    }

    private static CaseResult Judge(string group, string name, string expression, JsonObject testCase, JsonataResult result)
    {
        bool passed;
        if (testCase.TryGetPropertyValue("result", out var expected))
        {
            passed = !result.IsUndefined && JsonEquivalence.AreEquivalent(expected, result.Value);
        }
        else if (testCase["undefinedResult"] is not null)
        {
            passed = result.IsUndefined;
        }
        else
        {
            passed = false;
        }

        return new CaseResult(group, name, expression, passed, passed ? string.Empty : $"returned {result}, expected {Expected(testCase)}");
    }

    // Newer cases put the code in an "error" object beside the message.
    private static string? ExpectedCode(JsonObject testCase) =>
        testCase["code"]?.GetValue<string>() ?? testCase["error"]?["code"]?.GetValue<string>();

    private static string Expected(JsonObject testCase) =>
        ExpectedCode(testCase) is { } code ? "error " + code
        : testCase.TryGetPropertyValue("result", out var result) ? result?.ToJsonString() ?? "null"
        : "undefined";
}
