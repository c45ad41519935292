using System.Globalization;

namespace FilePipeline.Host.Faults;

/// <summary>
/// Faults to inject into a local run, parsed from <c>--faults</c> or <c>FILEPIPELINE_FAULTS</c>:
/// rules separated by <c>;</c>, e.g. <c>fail=InspectFile,times=2;throttle=0.1;exit-after=ClaimFile</c>.
/// docs/local.md documents the syntax.
/// </summary>
public sealed record FaultPlan
{
    public const string EnvironmentVariable = "FILEPIPELINE_FAULTS";

    public static FaultPlan None { get; } = new();

    public IReadOnlyList<FunctionFault> FunctionFaults { get; init; } = [];

    /// <summary>Share (0–1) of table operations answered with ProvisionedThroughputExceededException.</summary>
    public double ThrottleRate { get; init; }

    public IReadOnlyList<ExitFault> Exits { get; init; } = [];

    public bool IsEmpty => FunctionFaults.Count == 0 && ThrottleRate == 0 && Exits.Count == 0;

    /// <exception cref="FormatException">The text breaks the syntax; the message says where.</exception>
    public static FaultPlan Parse(string? text)
    {
        var plan = None;
        foreach (var rule in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = rule.Split(',', StringSplitOptions.TrimEntries);
            var (kind, target) = Pair(parts[0], rule);
            var options = parts.Skip(1).Select(part => Pair(part, rule)).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            plan = kind switch
            {
                "fail" => plan with { FunctionFaults = [.. plan.FunctionFaults, ParseFail(target, options, rule)] },
                "throttle" when options.Count == 0 => plan with { ThrottleRate = Rate(target, rule) },
                "exit-after" => plan with { Exits = [.. plan.Exits, ParseExit(target, options, rule)] },
                _ => throw new FormatException($"Fault '{rule}': expected fail=FUNCTION[,times=N][,key=GLOB], throttle=RATE or exit-after=STATE[,times=N][,mode=kill|exit]."),
            };
        }

        return plan;
    }

    /// <summary>Rejects a rule naming a function or state that does not exist, suggesting the closest real name.</summary>
    /// <param name="functions">Each function's accepted names, the handler name (shown in suggestions) first.</param>
    /// <exception cref="FormatException">A rule names nothing that exists.</exception>
    public void RequireKnownTargets(IReadOnlyList<IReadOnlyList<string>> functions, IReadOnlyCollection<string> states)
    {
        ArgumentNullException.ThrowIfNull(functions);
        ArgumentNullException.ThrowIfNull(states);
        foreach (var fault in FunctionFaults.Where(f => !functions.Any(names => names.Contains(f.Function))))
        {
            throw new FormatException(Unknown($"fail={fault.Function}", "function", fault.Function, [.. functions.Select(names => names[0])]));
        }

        foreach (var exit in Exits.Where(e => !states.Contains(e.StateName)))
        {
            throw new FormatException(Unknown($"exit-after={exit.StateName}", "state", exit.StateName, states));
        }
    }

    private static string Unknown(string rule, string what, string name, IReadOnlyCollection<string> known)
    {
        var closest = known.MinBy(candidate => EditDistance(name.ToUpperInvariant(), candidate.ToUpperInvariant()));
        var suggestion = closest is not null && EditDistance(name.ToUpperInvariant(), closest.ToUpperInvariant()) <= Math.Max(2, name.Length / 3)
            ? $" Did you mean '{closest}'?"
            : "";
        return $"Fault '{rule}': there is no {what} '{name}'.{suggestion} ({what}s: {string.Join(", ", known)})";
    }

    /// <summary>Levenshtein distance: edits (insert, delete, replace) from one name to the other.</summary>
    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    public FaultPlan Merge(FaultPlan other) => new()
    {
        FunctionFaults = [.. FunctionFaults, .. other.FunctionFaults],
        ThrottleRate = Math.Max(ThrottleRate, other.ThrottleRate),
        Exits = [.. Exits, .. other.Exits],
    };

    private static FunctionFault ParseFail(string function, Dictionary<string, string> options, string rule)
    {
        RequireOnly(options, rule, "times", "key");
        return new FunctionFault(
            function,
            options.TryGetValue("times", out var times) ? Count(times, rule) : null,
            options.GetValueOrDefault("key"));
    }

    private static ExitFault ParseExit(string state, Dictionary<string, string> options, string rule)
    {
        RequireOnly(options, rule, "times", "mode");
        var mode = options.GetValueOrDefault("mode", "kill") switch
        {
            "kill" => ExitMode.Kill,
            "exit" => ExitMode.Exit,
            var other => throw new FormatException($"Fault '{rule}': mode '{other}' is not kill or exit."),
        };
        return new ExitFault(state, options.TryGetValue("times", out var times) ? Count(times, rule) : 1, mode);
    }

    private static KeyValuePair<string, string> Pair(string part, string rule)
    {
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        return equals > 0 && equals < part.Length - 1
            ? KeyValuePair.Create(part[..equals], part[(equals + 1)..])
            : throw new FormatException($"Fault '{rule}': '{part}' is not NAME=VALUE.");
    }

    private static void RequireOnly(Dictionary<string, string> options, string rule, params string[] allowed)
    {
        if (options.Keys.FirstOrDefault(key => !allowed.Contains(key)) is { } unknown)
        {
            throw new FormatException($"Fault '{rule}': unknown option '{unknown}' (allowed: {string.Join(", ", allowed)}).");
        }
    }

    private static int Count(string text, string rule) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new FormatException($"Fault '{rule}': times={text} is not a whole number ≥ 1.");

    private static double Rate(string text, string rule) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var rate) && rate is >= 0 and <= 1
            ? rate
            : throw new FormatException($"Fault '{rule}': the rate {text} is not a number from 0 to 1.");
}
