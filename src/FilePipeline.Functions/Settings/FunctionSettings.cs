using System.Globalization;
using FilePipeline.Core.Uploads;

namespace FilePipeline.Functions.Settings;

/// <summary>
/// The functions' settings with their defaults in one place; <see cref="FromEnvironment"/> reads
/// the variables of <see cref="FunctionEnvironment"/> that serverless.template sets.
/// </summary>
public sealed record FunctionSettings
{
    /// <summary>The ledger table; used by the adapters the host builds, not by the functions.</summary>
    public string FilesTableName { get; init; } = "files";

    /// <summary>The work queue ValidateUpload sends to (adapter setting).</summary>
    public string? QueueUrl { get; init; }

    /// <summary>The file-processing state machine ProcessQueue starts (adapter setting).</summary>
    public string? StateMachineArn { get; init; }

    /// <summary>
    /// How long a claim on a file holds. Longer than an express execution can run (5 minutes),
    /// so a live execution never loses its claim; a crashed one's claim is taken over after it.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(360);

    /// <summary>
    /// The longest an execution can run (express workflows: 5 minutes). ProcessQueue starts an execution
    /// only while its invocation has at least this long left, so none is cut off by the function's timeout.
    /// </summary>
    public TimeSpan ExecutionTimeLimit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a failed work message stays invisible after its 1st, 2nd, … failed receive; the last
    /// value repeats. SQS's largest visibility timeout (12 hours) bounds each.
    /// </summary>
    public IReadOnlyList<TimeSpan> RetryBackoff { get; init; } = [TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(300)];

    /// <summary>
    /// The work queue's maxReceiveCount. A message that fails on this receive goes to the DLQ, so
    /// ProcessQueue records the file FAILED then whatever ended the execution (docs/reliability.md).
    /// </summary>
    public int MaxReceiveCount { get; init; } = 3;

    /// <summary>How many executions ProcessQueue runs at once (a batch holds at most 10 messages).</summary>
    public int MaxConcurrency { get; init; } = 10;

    public UploadRules UploadRules { get; init; } = UploadRules.Default;

    /// <summary>How long before its deadline InspectFile stops reading, so it fails cleanly instead of being killed.</summary>
    public TimeSpan DeadlineMargin { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Pauses between attempts to send the queue entries SQS refused; their count + 1 is the number of attempts.</summary>
    public IReadOnlyList<TimeSpan> SendRetryDelays { get; init; } = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(1600)];

    /// <summary>Reads the settings from environment variables; a variable that is not set keeps its default.</summary>
    /// <exception cref="FormatException">A variable is set to a value that is not valid for it.</exception>
    public static FunctionSettings FromEnvironment(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);
        var defaults = new FunctionSettings();
        var rules = defaults.UploadRules;
        return new FunctionSettings
        {
            FilesTableName = Text(getVariable, FunctionEnvironment.FilesTableName) ?? defaults.FilesTableName,
            QueueUrl = Text(getVariable, FunctionEnvironment.QueueUrl),
            StateMachineArn = Text(getVariable, FunctionEnvironment.StateMachineArn),
            Lease = TimeSpan.FromSeconds(Number(getVariable, FunctionEnvironment.LeaseSeconds, (long)defaults.Lease.TotalSeconds)),
            RetryBackoff = Backoff(getVariable, FunctionEnvironment.RetryBackoffSeconds) ?? defaults.RetryBackoff,
            MaxConcurrency = (int)Number(getVariable, FunctionEnvironment.MaxConcurrency, defaults.MaxConcurrency, int.MaxValue),
            MaxReceiveCount = (int)Number(getVariable, FunctionEnvironment.MaxReceiveCount, defaults.MaxReceiveCount, 1000),
            DeadlineMargin = TimeSpan.FromMilliseconds(Number(getVariable, FunctionEnvironment.DeadlineMarginMs, (long)defaults.DeadlineMargin.TotalMilliseconds)),
            UploadRules = rules with
            {
                AllowedSuffixes = Text(getVariable, FunctionEnvironment.AllowedSuffixes)?
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? rules.AllowedSuffixes,
                MaxSizeBytes = Number(getVariable, FunctionEnvironment.MaxFileBytes, rules.MaxSizeBytes),
                SniffBytes = (int)Number(getVariable, FunctionEnvironment.SniffBytes, rules.SniffBytes, int.MaxValue),
            },
        };
    }

    private static string? Text(Func<string, string?> getVariable, string name)
    {
        var value = getVariable(name);
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private const int MaxVisibilitySeconds = 43_200;

    private static TimeSpan[]? Backoff(Func<string, string?> getVariable, string name)
    {
        var text = Text(getVariable, name);
        if (text is null)
        {
            return null;
        }

        var seconds = text.Split(',', StringSplitOptions.TrimEntries)
            .Select(part => int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= MaxVisibilitySeconds ? value : -1)
            .ToArray();
        return seconds.All(s => s >= 0)
            ? [.. seconds.Select(s => TimeSpan.FromSeconds(s))]
            : throw new FormatException($"{name} is '{text}'; it must be comma-separated whole numbers of seconds from 0 to {MaxVisibilitySeconds}.");
    }

    private static long Number(Func<string, string?> getVariable, string name, long defaultValue, long maximum = long.MaxValue)
    {
        var text = Text(getVariable, name);
        if (text is null)
        {
            return defaultValue;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= maximum
            ? value
            : throw new FormatException($"{name} is '{text}'; it must be a whole number from 1 to {maximum}.");
    }
}
