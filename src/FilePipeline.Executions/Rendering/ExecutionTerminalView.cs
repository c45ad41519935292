using System.Globalization;
using System.Text.Json.Nodes;
using FilePipeline.Executions.History;

namespace FilePipeline.Executions.Rendering;

/// <summary>
/// The path an execution took as plain text, one line per state entry:
/// ✓ succeeded, ↻ succeeded after retries, → failed and caught, ✗ failed.
/// </summary>
public static class ExecutionTerminalView
{
    private const int MaxInlineJson = 120;

    /// <summary>Writes the header, the path with durations, and the outcome.</summary>
    public static void Render(ExecutionView view, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(writer);
        ExecutionSummary summary = view.Summary;
        string duration = view.Duration is { } d ? "  " + DurationText.Format(d) : "";
        writer.WriteLine($"{summary.Name}  {summary.Status}{duration}");
        if (!string.IsNullOrEmpty(summary.Input))
        {
            writer.WriteLine($"input   {Inline(summary.Input)}");
        }

        writer.WriteLine();
        int nameWidth = view.Path.Select(p => (p.Depth * 2) + p.Name.Length).DefaultIfEmpty(0).Max();
        foreach (PathStep step in view.Path)
        {
            string name = (new string(' ', step.Depth * 2) + step.Name).PadRight(nameWidth);
            string time = step.Duration is { } t ? DurationText.Format(t) : "";
            writer.WriteLine($"  {Mark(step.Outcome)} {name}  {time,12}{Note(step)}".TrimEnd());
            WriteVariables(writer, step);
        }

        writer.WriteLine();
        if (summary.Error is not null || summary.Cause is not null)
        {
            writer.WriteLine($"error   {summary.Error}");
            if (!string.IsNullOrEmpty(summary.Cause))
            {
                writer.WriteLine($"cause   {Inline(summary.Cause)}");
            }
        }

        if (!string.IsNullOrEmpty(summary.Output))
        {
            writer.WriteLine($"output  {Inline(summary.Output)}");
        }
    }

    /// <summary>Writes the event table: id, type, state, elapsed time and the error or resource.</summary>
    public static void RenderEvents(ExecutionView view, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(writer);
        TextTable.Write(
            writer,
            ["ID", "TYPE", "STATE", "ELAPSED", "DETAIL"],
            view.Events.Select(e => (IReadOnlyList<string>)
            [
                e.Id.ToString(CultureInfo.InvariantCulture), e.Type, e.State ?? "", DurationText.Format(e.Elapsed), Inline(e.Detail ?? ""),
            ]));
    }

    /// <summary>One indented <c>$name = value</c> line per variable the step assigned.</summary>
    private static void WriteVariables(TextWriter writer, PathStep step)
    {
        if (step.Variables is null || JsonNode.Parse(step.Variables) is not JsonObject variables)
        {
            return;
        }

        string indent = new(' ', (step.Depth * 2) + 6);
        foreach ((string variable, JsonNode? value) in variables)
        {
            writer.WriteLine($"{indent}${variable} = {Inline(value?.ToJsonString() ?? "null")}");
        }
    }

    private static char Mark(StateOutcome outcome) => outcome switch
    {
        StateOutcome.Failed => '✗',
        StateOutcome.Caught => '→',
        StateOutcome.Retried => '↻',
        _ => '✓',
    };

    private static string Note(PathStep step)
    {
        var parts = new List<string>();
        if (step.Retries > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{step.Retries} {(step.Retries == 1 ? "retry" : "retries")}"));
        }

        if (step.Outcome is StateOutcome.Caught or StateOutcome.Failed && step.Error is not null)
        {
            parts.Add(step.Error);
        }

        if (step.Outcome == StateOutcome.Caught)
        {
            parts.Add("caught → " + step.Next);
        }

        return parts.Count == 0 ? "" : "  " + string.Join(", ", parts);
    }

    // One line: JSON is compacted and long values are cut, the HTML report shows them whole.
    private static string Inline(string text)
    {
        string compact = JsonFields.Compact(text);
        return compact.Length <= MaxInlineJson ? compact : compact[..(MaxInlineJson - 1)] + "…";
    }
}
