using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>Builds a <see cref="State"/> of the right type from its JSON, reporting every invalid or unsupported field.</summary>
internal static class StateParser
{
    private static readonly HashSet<string> KnownTypes = ["Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"];

    public static State? Parse(string name, FieldReader reader, QueryLanguage inherited)
    {
        var type = reader.String("Type", required: true);
        _ = reader.String("Comment");
        var language = IOParser.ReadLanguage(reader, inherited);
        State? state = type switch
        {
            null => null,
            "Pass" => ParsePass(name, reader, language),
            "Task" => ParseTask(name, reader, language),
            "Choice" => ParseChoice(name, reader, language),
            "Wait" => ParseWait(name, reader, language),
            "Succeed" => new SucceedState { Name = name, IO = IOParser.Read(reader, language, IOFields.Paths) },
            "Fail" => ParseFail(name, reader, language),
            "Parallel" => ParseParallel(name, reader, language),
            "Map" => ParseMap(name, reader, language),
            _ => UnknownType(name, type, reader),
        };
        if (type is not null && (state is not null || KnownTypes.Contains(type)))
        {
            reader.RejectUnknownFields($"a {type} state");
        }

        return state;
    }

    private static State? UnknownType(string name, string type, FieldReader reader)
    {
        reader.Error("Type", $"Unknown state type '{type}' in state '{name}'");
        return null;
    }

    /// <summary>Next or End: exactly one, for the states that transition.</summary>
    private static string? ReadTransition(string name, FieldReader reader)
    {
        var next = reader.String("Next");
        var end = reader.Boolean("End");
        if (next is null && !end)
        {
            reader.Error("", $"State '{name}' must have either 'Next' or 'End': true", "MISSING_TRANSITION_TARGET");
        }
        else if (next is not null && end)
        {
            reader.Error("End", $"State '{name}' must not have both 'Next' and 'End'");
        }

        return next;
    }

    // A missing Parameters path is States.Runtime in a Pass state on AWS (recorded), not ParameterPathFailure.
    private static PassState ParsePass(string name, FieldReader reader, QueryLanguage language) => new()
    {
        Name = name,
        Next = ReadTransition(name, reader),
        IO = IOParser.Read(reader, language, IOFields.Paths | IOFields.Parameters | IOFields.ResultPath | IOFields.Assign, StatesErrors.Runtime),
        HasResult = language == QueryLanguage.JsonPath && reader.Has("Result"),
        Result = language == QueryLanguage.JsonPath ? reader.Raw("Result")?.DeepClone() : null,
    };

    private static TaskState ParseTask(string name, FieldReader reader, QueryLanguage language)
    {
        var timeoutExpression = JsonataTemplate.ReadExpression(reader, language, "TimeoutSeconds");
        var heartbeatExpression = JsonataTemplate.ReadExpression(reader, language, "HeartbeatSeconds");
        var timeout = timeoutExpression is null ? reader.Integer("TimeoutSeconds", 1, 99_999_999) : null;
        var heartbeat = heartbeatExpression is null ? reader.Integer("HeartbeatSeconds", 1, 99_999_999) : null;
        var timeoutPath = reader.Has("TimeoutSecondsPath") ? reader.RequiredPath("TimeoutSecondsPath", reference: true) : null;
        if (timeout is not null && reader.Has("TimeoutSecondsPath"))
        {
            reader.Error("TimeoutSecondsPath", "A Task state must not have both 'TimeoutSeconds' and 'TimeoutSecondsPath'");
        }

        if (heartbeat is not null && timeout is not null && heartbeat >= timeout)
        {
            reader.Error("HeartbeatSeconds", "'HeartbeatSeconds' must be smaller than 'TimeoutSeconds'");
        }

        if (reader.Has("HeartbeatSecondsPath"))
        {
            _ = reader.RequiredPath("HeartbeatSecondsPath", reference: true);
        }

        if (reader.Has("Credentials"))
        {
            reader.Error("Credentials", "'Credentials' (cross-account tasks) is not supported", "UNSUPPORTED_FEATURE");
        }

        return new TaskState
        {
            Name = name,
            Next = ReadTransition(name, reader),
            IO = IOParser.Read(reader, language, IOFields.Paths | IOFields.Parameters | IOFields.ResultSelector | IOFields.ResultPath | IOFields.Assign),
            Resource = reader.String("Resource", required: true) ?? "",
            TimeoutSeconds = timeout,
            TimeoutSecondsPath = timeoutPath,
            TimeoutExpression = timeoutExpression,
            Retry = Retrier.ParseAll(reader),
            Catch = Catcher.ParseAll(reader, language),
        };
    }

    private static ChoiceState ParseChoice(string name, FieldReader reader, QueryLanguage language)
    {
        if (reader.Has("Next") || reader.Has("End"))
        {
            reader.Error(reader.Has("Next") ? "Next" : "End", "A Choice state must not have 'Next' or 'End'; use Choices and Default");
        }

        var choices = new List<ChoiceBranch>();
        var array = reader.Array("Choices", required: true);
        if (array is not null && array.Count == 0)
        {
            reader.Error("Choices", $"Choice state '{name}' must have at least one rule in 'Choices'");
        }

        for (var i = 0; i < (array?.Count ?? 0); i++)
        {
            if (array![i] is not JsonObject obj)
            {
                reader.Error($"Choices/{i}", "A Choice rule must be an OBJECT");
                continue;
            }

            var ruleReader = new FieldReader(obj, $"{reader.Location}/Choices/{i}", reader.Errors);
            var ruleIO = IOParser.Read(ruleReader, language, language == QueryLanguage.Jsonata ? IOFields.Paths | IOFields.Assign : IOFields.Assign);
            var rule = language == QueryLanguage.Jsonata ? JsonataCondition.Parse(ruleReader) : ChoiceRule.Parse(ruleReader, topLevel: true);
            if (rule is not null && JsonValues.TryGetString(obj["Next"], out var next))
            {
                choices.Add(new ChoiceBranch(rule, next, ruleIO.Assign, language == QueryLanguage.Jsonata ? ruleIO : null));
            }
        }

        return new ChoiceState
        {
            Name = name,
            IO = IOParser.Read(reader, language, IOFields.Paths | IOFields.Assign),
            Choices = choices,
            Default = reader.String("Default"),
        };
    }

    private static WaitState ParseWait(string name, FieldReader reader, QueryLanguage language)
    {
        string[] fields = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];
        var present = fields.Where(reader.Has).ToList();
        if (present.Count != 1)
        {
            reader.Error("", $"Wait state '{name}' must have exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
        }

        var secondsExpression = JsonataTemplate.ReadExpression(reader, language, "Seconds");
        var timestampExpression = JsonataTemplate.ReadExpression(reader, language, "Timestamp");
        DateTimeOffset? timestamp = null;
        var timestampText = timestampExpression is null ? reader.String("Timestamp") : null;
        if (timestampText is not null)
        {
            if (DataTestRule.TryParseTimestamp(timestampText, out var parsed))
            {
                timestamp = parsed;
            }
            else
            {
                reader.Error("Timestamp", "The value for the field 'Timestamp' must be an RFC 3339 timestamp");
            }
        }

        return new WaitState
        {
            Name = name,
            Next = ReadTransition(name, reader),
            IO = IOParser.Read(reader, language, IOFields.Paths | IOFields.Assign),
            Seconds = secondsExpression is null ? reader.Integer("Seconds", 0, 99_999_999) : null,
            SecondsExpression = secondsExpression,
            Timestamp = timestamp,
            TimestampExpression = timestampExpression,
            SecondsPath = reader.Has("SecondsPath") ? reader.RequiredPath("SecondsPath", reference: true) : null,
            TimestampPath = reader.Has("TimestampPath") ? reader.RequiredPath("TimestampPath", reference: true) : null,
        };
    }

    private static FailState ParseFail(string name, FieldReader reader, QueryLanguage language)
    {
        IOParser.RejectOtherLanguage(reader, language);
        foreach (var (literal, path) in new[] { ("Error", "ErrorPath"), ("Cause", "CausePath") })
        {
            if (reader.Has(literal) && reader.Has(path))
            {
                reader.Error(path, $"Fail state '{name}' must not have both '{literal}' and '{path}'");
            }
        }

        var errorExpression = JsonataTemplate.ReadExpression(reader, language, "Error");
        var causeExpression = JsonataTemplate.ReadExpression(reader, language, "Cause");
        return new FailState
        {
            Name = name,
            Error = errorExpression is null ? reader.String("Error") : null,
            Cause = causeExpression is null ? reader.String("Cause") : null,
            ErrorExpression = errorExpression,
            CauseExpression = causeExpression,
            ErrorPath = FailState.DynamicField.Read(reader, "ErrorPath"),
            CausePath = FailState.DynamicField.Read(reader, "CausePath"),
        };
    }

    private static ParallelState ParseParallel(string name, FieldReader reader, QueryLanguage language)
    {
        var branches = new List<StateBlock>();
        var array = reader.Array("Branches", required: true);
        if (array is not null && array.Count == 0)
        {
            reader.Error("Branches", $"Parallel state '{name}' must have at least one branch");
        }

        for (var i = 0; i < (array?.Count ?? 0); i++)
        {
            if (array![i] is JsonObject branch)
            {
                var branchReader = new FieldReader(branch, $"{reader.Location}/Branches/{i}", reader.Errors);
                if (ParseNestedBlock(branchReader, language) is { } block)
                {
                    branches.Add(block);
                }
            }
            else
            {
                reader.Error($"Branches/{i}", "A branch must be an OBJECT");
            }
        }

        return new ParallelState
        {
            Name = name,
            Next = ReadTransition(name, reader),
            IO = IOParser.Read(reader, language, IOFields.Paths | IOFields.Parameters | IOFields.ResultSelector | IOFields.ResultPath | IOFields.Assign),
            Branches = branches,
            Retry = Retrier.ParseAll(reader),
            Catch = Catcher.ParseAll(reader, language),
        };
    }

    private static MapState? ParseMap(string name, FieldReader reader, QueryLanguage language)
    {
        var processorField = reader.Has("ItemProcessor") ? "ItemProcessor" : "Iterator";
        if (reader.Has("ItemProcessor") && reader.Has("Iterator"))
        {
            reader.Error("Iterator", "A Map state must not have both 'ItemProcessor' and the legacy 'Iterator'");
        }

        var selectorField = reader.Has("ItemSelector") ? "ItemSelector" : "Parameters";
        if (reader.Has("ItemSelector") && reader.Has("Parameters"))
        {
            reader.Error("Parameters", "A Map state must not have both 'ItemSelector' and the legacy 'Parameters'");
        }

        foreach (var field in new[] { "ItemReader", "ResultWriter", "ItemBatcher", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath" })
        {
            if (reader.Has(field))
            {
                reader.Error(field, $"'{field}' (Distributed Map) is not supported", "UNSUPPORTED_FEATURE");
            }
        }

        _ = reader.String("Label");
        var maxConcurrencyExpression = JsonataTemplate.ReadExpression(reader, language, "MaxConcurrency");
        var processorReader = reader.Child(processorField, required: true);
        StateBlock? processor = null;
        if (processorReader is not null)
        {
            if (processorReader.Child("ProcessorConfig") is { } config)
            {
                var mode = config.String("Mode");
                if (mode is "DISTRIBUTED")
                {
                    config.Error("Mode", "Distributed Map (Mode DISTRIBUTED) is not supported", "UNSUPPORTED_FEATURE");
                }

                _ = config.String("ExecutionType");
                config.RejectUnknownFields("ProcessorConfig");
            }

            processor = ParseNestedBlock(processorReader, language);
        }

        var map = new MapState
        {
            Name = name,
            Next = ReadTransition(name, reader),
            IO = IOParser.Read(reader, language, IOFields.Paths | IOFields.ResultSelector | IOFields.ResultPath | IOFields.Assign),
            ItemProcessor = processor!,
            ItemsPath = reader.Has("ItemsPath") ? reader.RequiredPath("ItemsPath", reference: true) ?? JsonPath.Parse("$") : JsonPath.Parse("$"),
            ItemSelector = language == QueryLanguage.JsonPath ? reader.Template(selectorField) : null,
            Items = language == QueryLanguage.Jsonata ? JsonataTemplate.Read(reader, "Items") : null,
            JsonataItemSelector = language == QueryLanguage.Jsonata ? JsonataTemplate.Read(reader, "ItemSelector") : null,
            MaxConcurrencyExpression = maxConcurrencyExpression,
            MaxConcurrency = maxConcurrencyExpression is null ? reader.Integer("MaxConcurrency", 0) ?? 0 : 0,
            MaxConcurrencyPath = reader.Has("MaxConcurrencyPath") ? reader.RequiredPath("MaxConcurrencyPath", reference: true) : null,
            ToleratedFailureCount = reader.Integer("ToleratedFailureCount", 0),
            ToleratedFailurePercentage = reader.Has("ToleratedFailurePercentage") ? Percentage(reader) : null,
            Retry = Retrier.ParseAll(reader),
            Catch = Catcher.ParseAll(reader, language),
        };
        if (reader.Has("MaxConcurrency") && reader.Has("MaxConcurrencyPath"))
        {
            reader.Error("MaxConcurrencyPath", "A Map state must not have both 'MaxConcurrency' and 'MaxConcurrencyPath'");
        }

        return processor is null ? null : map;
    }

    private static double? Percentage(FieldReader reader)
    {
        var value = reader.Number("ToleratedFailurePercentage", 0);
        if (value > 100)
        {
            reader.Error("ToleratedFailurePercentage", "'ToleratedFailurePercentage' must be between 0 and 100");
        }

        return value;
    }

    private static StateBlock? ParseNestedBlock(FieldReader reader, QueryLanguage language)
    {
        _ = reader.String("Comment");
        var block = StateBlock.Parse(reader, IOParser.ReadLanguage(reader, language));
        reader.RejectUnknownFields("a branch");
        return block;
    }
}
