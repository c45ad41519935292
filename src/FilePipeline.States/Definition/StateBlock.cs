using System.Text.Json.Nodes;

namespace FilePipeline.States.Definition;

/// <summary>StartAt plus States: the machine itself, a Parallel branch, or a Map's ItemProcessor.</summary>
internal sealed class StateBlock
{
    public required string StartAt { get; init; }

    public required IReadOnlyDictionary<string, State> States { get; init; }

    /// <summary>Parses and validates a block: states, transition targets, Next/End and reachability.</summary>
    public static StateBlock? Parse(FieldReader reader, QueryLanguage language)
    {
        var startAt = reader.String("StartAt", required: true);
        var statesReader = reader.Child("States", required: true);
        if (statesReader is null)
        {
            return null;
        }

        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        foreach (var (name, node) in statesReader.Object)
        {
            if (name.Length > 80)
            {
                statesReader.Error(name, $"State name '{name[..20]}…' is longer than 80 characters");
            }

            if (node is not JsonObject stateObject)
            {
                statesReader.Error(name, $"State '{name}' must be an OBJECT");
                continue;
            }

            var state = StateParser.Parse(name, new FieldReader(stateObject, $"{statesReader.Location}/{name}", reader.Errors), language);
            if (state is not null)
            {
                states[name] = state;
            }
        }

        if (statesReader.Object.Count == 0)
        {
            reader.Error("States", "'States' must contain at least one state");
        }

        if (startAt is not null && !statesReader.Object.ContainsKey(startAt))
        {
            reader.Error("StartAt", $"Missing 'StartAt' target: {startAt}", "MISSING_TRANSITION_TARGET");
        }

        foreach (var state in states.Values)
        {
            foreach (var target in state.Transitions.Where(t => t.Length > 0 && !statesReader.Object.ContainsKey(t)))
            {
                reader.Error($"States/{state.Name}", $"Missing 'Next' target: {target}", "MISSING_TRANSITION_TARGET");
            }
        }

        if (startAt is null || !states.ContainsKey(startAt) || states.Count != statesReader.Object.Count)
        {
            return null;
        }

        ReportUnreachable(reader, startAt, states);
        return new StateBlock { StartAt = startAt, States = states };
    }

    private static void ReportUnreachable(FieldReader reader, string startAt, Dictionary<string, State> states)
    {
        var reached = new HashSet<string>(StringComparer.Ordinal) { startAt };
        var pending = new Stack<string>([startAt]);
        while (pending.TryPop(out var name))
        {
            foreach (var target in states[name].Transitions)
            {
                if (states.ContainsKey(target) && reached.Add(target))
                {
                    pending.Push(target);
                }
            }
        }

        foreach (var name in states.Keys.Where(n => !reached.Contains(n)))
        {
            reader.Error($"States/{name}", $"State '{name}' is not reachable", "UNREACHABLE_STATE");
        }
    }
}
