using System.Globalization;
using FilePipeline.Functions.Runtime;
using FilePipeline.Functions.Settings;
using FilePipeline.Host.Faults;
using FilePipeline.Host.Template;

namespace FilePipeline.Host;

/// <summary>
/// How one local pipeline is put together: the state directory, the template, the clock, faults,
/// and the few local departures from the template that keep demos and crash tests quick.
/// </summary>
public sealed record LocalHostOptions
{
    public const string HomeVariable = "FILEPIPELINE_HOME";
    public const string RetryDelayVariable = "FILEPIPELINE_RETRY_DELAY";
    public const string VisibilityTimeoutVariable = "FILEPIPELINE_VISIBILITY_TIMEOUT";
    public const string LeaseSecondsVariable = "FILEPIPELINE_LEASE_SECONDS";
    public const string DefaultStateDirectory = ".filepipeline";

    /// <summary>The default failed-message delay: long enough to see, short enough for a demo.</summary>
    public const int DefaultRetryDelaySeconds = 1;

    public required string StateDirectory { get; init; }

    public required string TemplatePath { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>What an exit-after fault does; the default kills the process. Tests replace it.</summary>
    public Action<ExitFault>? Exit { get; init; }

    /// <summary>
    /// Seconds before a failed async invoke of ValidateUpload is tried again (Lambda waits about a
    /// minute, then two). Failed work messages are timed by ProcessQueue's RETRY_BACKOFF_SECONDS,
    /// as on AWS; <see cref="WithRetryDelay"/> sets both.
    /// </summary>
    public int RetryDelaySeconds { get; init; } = DefaultRetryDelaySeconds;

    /// <summary>When set, receives use this visibility timeout instead of the queue's (crash tests: killed work returns sooner).</summary>
    public int? VisibilityTimeout { get; init; }

    /// <summary>Function environment variables that replace the template's (e.g. LEASE_SECONDS for crash tests).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentOverrides { get; init; } = new Dictionary<string, string>();

    /// <summary>How long a write waits for another process's database lock before giving up the round; null: the database's default (tests shorten it).</summary>
    public TimeSpan? BusyTimeout { get; init; }

    /// <summary>Skip Retry intervals and Wait states in the state machine (tests).</summary>
    public bool SkipDelays { get; init; }

    /// <summary>The functions the template's function resources select by <c>ANNOTATIONS_HANDLER</c>; null: FilePipeline.Functions' generated registry.</summary>
    public LambdaFunctionRegistry? FunctionRegistry { get; init; }

    /// <summary>Where the functions' JSON logs go; null writes logs/functions-{time}-{pid}.log in the state directory.</summary>
    public TextWriter? FunctionLog { get; init; }

    /// <summary>
    /// Quick retries for demos and tests: the async-invoke retry delay, and the template's own knob
    /// for work messages, ProcessQueue's RETRY_BACKOFF_SECONDS, overridden as its environment.
    /// </summary>
    public LocalHostOptions WithRetryDelay(int seconds) => this with
    {
        RetryDelaySeconds = seconds,
        EnvironmentOverrides = new Dictionary<string, string>(EnvironmentOverrides, StringComparer.Ordinal)
        {
            [FunctionEnvironment.RetryBackoffSeconds] = seconds.ToString(CultureInfo.InvariantCulture),
        },
    };

    /// <summary>--state-dir, else FILEPIPELINE_HOME, else ./.filepipeline.</summary>
    public static string ResolveStateDirectory(string? option, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var chosen = !string.IsNullOrWhiteSpace(option) ? option
            : environment(HomeVariable) is { Length: > 0 } home ? home
            : DefaultStateDirectory;
        return Path.GetFullPath(chosen);
    }

    /// <summary>The template given, else the one shipped next to the program.</summary>
    public static string ResolveTemplate(string? option) =>
        Path.GetFullPath(!string.IsNullOrWhiteSpace(option) ? option : Path.Combine(AppContext.BaseDirectory, PipelineTemplate.TemplateFileName));

    /// <summary>Options from the command line's values and the FILEPIPELINE_* environment variables.</summary>
    /// <exception cref="FormatException">A variable or the fault text is malformed.</exception>
    public static LocalHostOptions Resolve(string? stateDirectory, string? template, string? faults, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Seconds(environment, LeaseSecondsVariable, minimum: 1) is { } lease)
        {
            overrides[FunctionEnvironment.LeaseSeconds] = lease.ToString(CultureInfo.InvariantCulture);
        }

        var options = new LocalHostOptions
        {
            StateDirectory = ResolveStateDirectory(stateDirectory, environment),
            TemplatePath = ResolveTemplate(template),
            Faults = FaultPlan.Parse(environment(FaultPlan.EnvironmentVariable)).Merge(FaultPlan.Parse(faults)),
            VisibilityTimeout = Seconds(environment, VisibilityTimeoutVariable, minimum: 1),
            EnvironmentOverrides = overrides,
        };
        return Seconds(environment, RetryDelayVariable) is { } retryDelay ? options.WithRetryDelay(retryDelay) : options;
    }

    /// <summary>A whole number of seconds up to SQS's longest visibility timeout (12 hours); a lease or visibility of 0 would expire at once.</summary>
    private static int? Seconds(Func<string, string?> environment, string name, int minimum = 0)
    {
        var text = environment(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= minimum && seconds <= 43_200
            ? seconds
            : throw new FormatException($"{name} is '{text}'; it must be a whole number of seconds from {minimum} to 43200.");
    }
}
