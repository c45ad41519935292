using System.Text;
using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Variables;

/// <summary>
/// The values one Assign field produced, each with its JSON text: the text is what AWS's
/// history shows in <c>assignedVariables</c>, and its UTF-8 size is what the quotas count.
/// </summary>
internal sealed class VariableAssignment
{
    private VariableAssignment(IReadOnlyList<AssignedVariable> values) => Values = values;

    public IReadOnlyList<AssignedVariable> Values { get; }

    public long Bytes => Values.Sum(v => (long)v.Bytes);

    /// <summary>Takes an evaluated Assign object apart, enforcing AWS's 256 KiB per variable and per Assign.</summary>
    public static VariableAssignment From(JsonObject evaluated)
    {
        var values = new List<AssignedVariable>(evaluated.Count);
        long total = 0;
        foreach (var (name, value) in evaluated)
        {
            var json = JsonValues.ToJson(value);
            var bytes = Encoding.UTF8.GetByteCount(json);
            if (bytes > JsonValues.PayloadLimitBytes)
            {
                throw new StateErrorException(StatesErrors.DataLimitExceeded, $"The value assigned to the variable '{name}' has exceeded the maximum number of bytes allowed ({JsonValues.PayloadLimitBytes}).");
            }

            total += bytes;
            values.Add(new AssignedVariable(name, JsonValues.Detach(value), json, bytes));
        }

        return total > JsonValues.PayloadLimitBytes
            ? throw new StateErrorException(StatesErrors.DataLimitExceeded, $"The values of the field 'Assign' have exceeded the maximum number of bytes allowed ({JsonValues.PayloadLimitBytes}).")
            : new VariableAssignment(values);
    }

    /// <summary>The history's <c>assignedVariables</c>: each name with its value as JSON text.</summary>
    public JsonObject ToHistory()
    {
        var history = new JsonObject();
        foreach (var variable in Values)
        {
            history[variable.Name] = variable.Json;
        }

        return history;
    }
}

/// <summary>One variable of an assignment.</summary>
internal readonly record struct AssignedVariable(string Name, JsonNode? Value, string Json, int Bytes);
