using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Variables;

/// <summary>
/// The workflow variables one block of states sees. A Parallel branch or Map iteration gets an
/// inner scope: it reads the outer variables but may not assign them, and its own variables end
/// with it. Reads return copies, so concurrent branches never share a node.
/// </summary>
internal sealed class VariableScope(VariableScope? outer = null) : IVariableLookup
{
    /// <summary>AWS quota: every variable an execution holds at once, 10 MiB serialized.</summary>
    public const long TotalLimitBytes = 10L * 1024 * 1024;

    private readonly Dictionary<string, (JsonNode? Value, int Bytes)> values = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long bytes;

    public VariableScope CreateInner() => new(this);

    public bool TryGet(string name, out JsonNode? value)
    {
        lock (gate)
        {
            if (values.TryGetValue(name, out var entry))
            {
                value = entry.Value?.DeepClone();
                return true;
            }
        }

        value = null;
        return outer is not null && outer.TryGet(name, out value);
    }

    /// <summary>Every variable visible here, inner values hiding none (inner scopes cannot reuse outer names).</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> All()
    {
        List<KeyValuePair<string, JsonNode?>> own;
        lock (gate)
        {
            own = [.. values.Select(v => KeyValuePair.Create(v.Key, v.Value.Value?.DeepClone()))];
        }

        return outer is null ? own : outer.All().Concat(own);
    }

    /// <summary>Checks an Assign's values against AWS's rules before the state ends (errors stay catchable there).</summary>
    public void Check(VariableAssignment assignment)
    {
        foreach (var name in assignment.Values.Select(v => v.Name))
        {
            if (outer is not null && outer.Defines(name))
            {
                throw new StateErrorException(StatesErrors.Runtime, $"Cannot assign the variable '{name}': it belongs to an outer scope (a Parallel branch or Map iteration can only read it)");
            }
        }

        long replaced;
        lock (gate)
        {
            replaced = assignment.Values.Sum(v => values.TryGetValue(v.Name, out var old) ? (long)old.Bytes : 0);
        }

        if (Total() - replaced + assignment.Bytes > TotalLimitBytes)
        {
            throw new StateErrorException(StatesErrors.DataLimitExceeded, $"The variables of this execution would exceed the maximum number of bytes allowed ({TotalLimitBytes}).");
        }
    }

    /// <summary>Stores a checked assignment; the state has ended, so later states see the new values.</summary>
    public void Apply(VariableAssignment assignment)
    {
        lock (gate)
        {
            foreach (var variable in assignment.Values)
            {
                bytes += variable.Bytes - (values.TryGetValue(variable.Name, out var old) ? old.Bytes : 0);
                values[variable.Name] = (variable.Value, variable.Bytes);
            }
        }
    }

    private bool Defines(string name)
    {
        lock (gate)
        {
            if (values.ContainsKey(name))
            {
                return true;
            }
        }

        return outer is not null && outer.Defines(name);
    }

    private long Total()
    {
        lock (gate)
        {
            return bytes + (outer?.Total() ?? 0);
        }
    }
}
