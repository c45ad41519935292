using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using FilePipeline.Executions.Graph;
using FilePipeline.Executions.History;
using FilePipeline.Executions.Layout;

namespace FilePipeline.Executions.Rendering;

/// <summary>
/// Renders one execution as a single self-contained HTML file (inline CSS, script and SVG, nothing fetched):
/// a header with status, input and output; the state machine graph coloured by outcome, with a side panel
/// showing the clicked state's input, output, error, cause, retries and duration; and the event table.
/// </summary>
public static class ExecutionHtmlReport
{
    // The default encoder escapes <, > and &, so user data cannot close the <script> element it sits in.
    private static readonly JsonSerializerOptions DataOptions = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>
    /// The most states drawn as a graph: a page cannot show more legibly, and the layered layout's
    /// time and depth grow with the count (60,000 states overflowed its stack). Beyond it the page
    /// keeps everything else.
    /// </summary>
    public const int MaxGraphStates = 1_000;

    /// <summary>Renders the execution from the three JSON documents (definition, history, DescribeExecution).</summary>
    public static string Render(string definitionJson, string historyJson, string describeExecutionJson) =>
        Render(ExecutionViewParser.Parse(definitionJson, historyJson, describeExecutionJson));

    /// <summary>Renders an execution already read into a view.</summary>
    public static string Render(ExecutionView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        GraphLayout? layout = view.Graph.States.Count <= MaxGraphStates ? LayeredGraphLayout.Compute(view.Graph) : null;
        ExecutionSummary summary = view.Summary;
        string title = string.IsNullOrEmpty(summary.Name) ? "Execution" : summary.Name;

        var html = new StringBuilder(32 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(title)} · {E(summary.Status)}</title>\n")
            .Append("<style>\n").Append(ReportAssets.Css).Append("</style>\n</head>\n<body>\n");
        WriteHeader(html, view, title);
        html.Append("<main>\n<section class=\"graph\" aria-label=\"Graph\">\n");
        WriteLegend(html);
        if (layout is not null)
        {
            SvgGraphWriter.Write(html, layout, view);
        }
        else
        {
            html.Append(CultureInfo.InvariantCulture, $"<p class=\"graph-omitted\">The graph is not drawn: the definition has {view.Graph.States.Count} states, more than {MaxGraphStates}. The events below are complete.</p>\n");
        }

        html.Append("</section>\n");
        WriteDetailsPanel(html);
        html.Append("</main>\n");
        WriteEventTable(html, view);
        html.Append("<script type=\"application/json\" id=\"execution-data\">")
            .Append(StateData(view).ToJsonString(DataOptions))
            .Append("</script>\n<script>\n").Append(ReportAssets.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void WriteHeader(StringBuilder html, ExecutionView view, string title)
    {
        ExecutionSummary summary = view.Summary;
        html.Append("<header>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>{E(title)}</h1><span id=\"status\" class=\"status {E(summary.Status)}\">{E(summary.Status)}</span>\n")
            .Append("<div class=\"facts\">")
            .Append(CultureInfo.InvariantCulture, $"<span>Started <b>{E(DurationText.Timestamp(summary.StartDate))}</b></span>");
        if (summary.StopDate is { } stop)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span>Stopped <b>{E(DurationText.Timestamp(stop))}</b></span>");
        }

        if (view.Duration is { } duration)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span>Duration <b id=\"duration\">{E(DurationText.Format(duration))}</b></span>");
        }

        if (!string.IsNullOrEmpty(summary.ExecutionArn))
        {
            html.Append(CultureInfo.InvariantCulture, $"<span>ARN <b>{E(summary.ExecutionArn)}</b></span>");
        }

        html.Append("</div>\n");
        if (summary.Error is not null || summary.Cause is not null || view.FailedState is not null)
        {
            html.Append("<div class=\"failure\" role=\"alert\" id=\"failure\">");
            if (view.FailedState is { } state)
            {
                html.Append(CultureInfo.InvariantCulture, $"Failed at <button type=\"button\" data-state=\"{E(state)}\">{E(state)}</button>: ");
            }

            html.Append(CultureInfo.InvariantCulture, $"<span class=\"error\">{E(summary.Error)}</span>");
            if (!string.IsNullOrEmpty(summary.Cause))
            {
                html.Append(CultureInfo.InvariantCulture, $"<pre class=\"cause\">{E(JsonFields.Pretty(summary.Cause))}</pre>");
            }

            // A Fail state reached through a Catch only restates the failure: name the state that failed first.
            foreach (PathStep caught in view.Path.Where(p => p.Outcome == StateOutcome.Caught))
            {
                string retries = caught.Retries > 0 ? $" after {caught.Retries} {(caught.Retries == 1 ? "retry" : "retries")}" : "";
                html.Append(CultureInfo.InvariantCulture,
                    $"<div class=\"earlier\">Before that, <button type=\"button\" data-state=\"{E(caught.Name)}\">{E(caught.Name)}</button> failed{E(retries)} with <span class=\"error\">{E(caught.Error)}</span>, caught → {E(caught.Next)}</div>");
            }

            html.Append("</div>\n");
        }

        html.Append("<div class=\"io\">")
            .Append(CultureInfo.InvariantCulture, $"<section><h2>Input</h2><pre id=\"execution-input\">{E(JsonFields.Pretty(summary.Input))}</pre></section>")
            .Append(CultureInfo.InvariantCulture, $"<section><h2>Output</h2><pre id=\"execution-output\">{E(summary.Output is null ? "—" : JsonFields.Pretty(summary.Output))}</pre></section>")
            .Append("</div>\n</header>\n");
    }

    private static void WriteLegend(StringBuilder html)
    {
        html.Append("<ul class=\"legend\" id=\"legend\">");
        foreach (StateOutcome outcome in new[] { StateOutcome.Succeeded, StateOutcome.Retried, StateOutcome.Caught, StateOutcome.Failed, StateOutcome.NotReached })
        {
            html.Append(CultureInfo.InvariantCulture, $"<li><span class=\"swatch {OutcomeText.CssClass(outcome)}\"></span>{E(OutcomeText.Label(outcome))}</li>");
        }

        html.Append("<li><span class=\"line-sample\"></span>Next / Choice</li>")
            .Append("<li><span class=\"line-sample catch\"></span>Catch</li>")
            .Append("<li><span class=\"line-sample taken\"></span>Taken</li>")
            .Append("</ul>\n");
    }

    private static void WriteDetailsPanel(StringBuilder html)
    {
        html.Append("<aside id=\"details\" aria-live=\"polite\"><div class=\"sticky\">\n")
            .Append("<h2 id=\"detail-name\">Click a state</h2>\n<dl>")
            .Append("<dt>Type</dt><dd id=\"detail-type\"></dd>")
            .Append("<dt>Outcome</dt><dd id=\"detail-outcome\"></dd>")
            .Append("<dt>Retries</dt><dd id=\"detail-retries\"></dd>")
            .Append("<dt>Duration</dt><dd id=\"detail-duration\"></dd>")
            .Append("<dt>Entered</dt><dd id=\"detail-visits\"></dd>")
            .Append("</dl>\n");
        foreach ((string id, string heading, bool code) in new[]
        {
            ("detail-next", "Next", false), ("detail-error", "Error", false), ("detail-cause", "Cause", true),
            ("detail-input", "Input", true), ("detail-output", "Output", true),
            ("detail-variables", "Assigned variables", true), ("detail-expressions", "JSONata", true),
        })
        {
            string element = code ? "pre" : "div";
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"field\" hidden><h3>{heading}</h3><{element} id=\"{id}\"></{element}></div>\n");
        }

        html.Append("</div></aside>\n");
    }

    private static void WriteEventTable(StringBuilder html, ExecutionView view)
    {
        html.Append("<section class=\"events\"><h2>Events</h2>\n<table id=\"events\"><thead><tr>")
            .Append("<th>ID</th><th>Type</th><th>Step</th><th>Details</th><th>Timestamp</th><th>Elapsed</th></tr></thead>\n<tbody>\n");
        foreach (EventRow row in view.Events)
        {
            string rowClass = row.IsFailure ? " class=\"failure\"" : "";
            string state = row.State is null ? "" : $" data-state=\"{E(row.State)}\"";
            html.Append(CultureInfo.InvariantCulture, $"<tr{rowClass}{state}>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{row.Id}</td><td class=\"type\">{E(row.Type)}</td><td>{E(row.State)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"detail\">{E(row.Detail)}</td><td class=\"time\">{E(DurationText.Timestamp(row.Timestamp))}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{E(DurationText.Format(row.Elapsed))}</td></tr>\n");
        }

        html.Append("</tbody></table></section>\n");
    }

    private static JsonObject StateData(ExecutionView view)
    {
        var states = new JsonObject();
        foreach (StateRun run in view.States.Values)
        {
            states[run.Name] = new JsonObject
            {
                ["type"] = run.Type,
                ["outcome"] = OutcomeText.CssClass(run.Outcome),
                ["outcomeText"] = OutcomeText.Label(run.Outcome),
                ["retries"] = run.Retries,
                ["visits"] = run.Visits,
                ["duration"] = run.Duration is { } d ? DurationText.Format(d) : null,
                ["next"] = run.Next,
                ["error"] = run.Error,
                ["cause"] = run.Cause is null ? null : JsonFields.Pretty(run.Cause),
                ["input"] = run.Input is null ? null : JsonFields.Pretty(run.Input),
                ["output"] = run.Output is null ? null : JsonFields.Pretty(run.Output),
                ["variables"] = run.Variables is null ? null : JsonFields.Pretty(run.Variables),
                ["expressions"] = view.Graph.States.TryGetValue(run.Name, out GraphState? state) && state.Expressions is { Count: > 0 } expressions
                    ? string.Join('\n', expressions)
                    : null,
            };
        }

        // Open on the failure when there is one: that is what a person opens the report for.
        string? selected = view.FailedState
            ?? view.Path.LastOrDefault(p => p.Outcome == StateOutcome.Caught)?.Name
            ?? (view.Path.Count > 0 ? view.Path[0].Name : null);
        return new JsonObject { ["states"] = states, ["selected"] = selected };
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
