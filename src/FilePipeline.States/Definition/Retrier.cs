namespace FilePipeline.States.Definition;

/// <summary>One element of a state's Retry array.</summary>
internal sealed class Retrier
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    public int IntervalSeconds { get; init; } = 1;

    public int MaxAttempts { get; init; } = 3;

    public double BackoffRate { get; init; } = 2.0;

    public int? MaxDelaySeconds { get; init; }

    public bool FullJitter { get; init; }

    /// <summary>The delay before retry number <paramref name="retryIndex"/> (0 = first retry).</summary>
    public TimeSpan Delay(int retryIndex, Func<double> random)
    {
        var seconds = IntervalSeconds * Math.Pow(BackoffRate, retryIndex);
        if (MaxDelaySeconds is { } max)
        {
            seconds = Math.Min(seconds, max);
        }

        if (FullJitter)
        {
            seconds *= random();
        }

        return ExecutionLimits.FromSeconds(seconds);
    }

    public static IReadOnlyList<Retrier> ParseAll(FieldReader state)
    {
        var array = state.Array("Retry");
        if (array is null)
        {
            return [];
        }

        var retriers = new List<Retrier>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not System.Text.Json.Nodes.JsonObject obj)
            {
                state.Error($"Retry/{i}", "A Retrier must be an OBJECT");
                continue;
            }

            var reader = new FieldReader(obj, $"{state.Location}/Retry/{i}", state.Errors);
            var errorEquals = ErrorMatching.ParseErrorEquals(reader, isLast: i == array.Count - 1);
            var jitter = reader.String("JitterStrategy");
            if (jitter is not (null or "FULL" or "NONE"))
            {
                reader.Error("JitterStrategy", "The value for the field 'JitterStrategy' must be FULL or NONE");
            }

            retriers.Add(new Retrier
            {
                ErrorEquals = errorEquals,
                IntervalSeconds = reader.Integer("IntervalSeconds", 1, 99_999_999) ?? 1,
                MaxAttempts = reader.Integer("MaxAttempts", 0, 99_999_999) ?? 3,
                BackoffRate = reader.Number("BackoffRate", 1.0) ?? 2.0,
                MaxDelaySeconds = reader.Integer("MaxDelaySeconds", 1, 31_622_400),
                FullJitter = jitter == "FULL",
            });
            _ = reader.String("Comment");
            reader.RejectUnknownFields("a Retrier");
        }

        return retriers;
    }
}
