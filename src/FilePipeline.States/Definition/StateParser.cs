using System.Text.Json.Nodes;
using FilePipeline.States.Json;

namespace FilePipeline.States.Definition;

/// <summary>Builds a <see cref="State"/> of the right type from its JSON, reporting every invalid or unsupported field.</summary>
internal static class StateParser
{
    private static readonly HashSet<string> KnownTypes = ["Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"];

    public static State? Parse(string name, FieldReader reader)
    {
        var type = reader.String("Type", required: true);
        _ = reader.String("Comment");
        RejectJsonata(reader);
        if (reader.Has("Assign"))
        {
            reader.Error("Assign", "Variables ('Assign') are not supported yet", "UNSUPPORTED_FEATURE");
        }

        State? state = type switch
        {
            null => null,
            "Pass" => ParsePass(name, reader),
            "Task" => ParseTask(name, reader),
            "Choice" => ParseChoice(name, reader),
            "Wait" => ParseWait(name, reader),
            "Succeed" => new SucceedState { Name = name, InputPath = reader.Path("InputPath"), OutputPath = reader.Path("OutputPath") },
            "Fail" => ParseFail(name, reader),
            "Parallel" => ParseParallel(name, reader),
            "Map" => ParseMap(name, reader),
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

    public static void RejectJsonata(FieldReader reader)
    {
        var language = reader.String("QueryLanguage");
        if (language == "JSONata")
        {
            reader.Error("QueryLanguage", "QueryLanguage 'JSONata' is not supported (yet); use JSONPath", "UNSUPPORTED_FEATURE");
        }
        else if (language is not null and not "JSONPath")
        {
            reader.Error("QueryLanguage", $"QueryLanguage must be JSONPath or JSONata, not '{language}'");
        }
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

    private static PassState ParsePass(string name, FieldReader reader) => new()
    {
        Name = name,
        Next = ReadTransition(name, reader),
        InputPath = reader.Path("InputPath"),
        OutputPath = reader.Path("OutputPath"),
        Parameters = reader.Template("Parameters"),
        HasResult = reader.Has("Result"),
        Result = reader.Raw("Result")?.DeepClone(),
        ResultPath = reader.Path("ResultPath", reference: true),
    };

    private static TaskState ParseTask(string name, FieldReader reader)
    {
        var timeout = reader.Integer("TimeoutSeconds", 1, 99_999_999);
        var heartbeat = reader.Integer("HeartbeatSeconds", 1, 99_999_999);
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
            InputPath = reader.Path("InputPath"),
            OutputPath = reader.Path("OutputPath"),
            Resource = reader.String("Resource", required: true) ?? "",
            Parameters = reader.Template("Parameters"),
            ResultSelector = reader.Template("ResultSelector"),
            ResultPath = reader.Path("ResultPath", reference: true),
            TimeoutSeconds = timeout,
            TimeoutSecondsPath = timeoutPath,
            Retry = Retrier.ParseAll(reader),
            Catch = Catcher.ParseAll(reader),
        };
    }

    private static ChoiceState ParseChoice(string name, FieldReader reader)
    {
        if (reader.Has("Next") || reader.Has("End"))
        {
            reader.Error(reader.Has("Next") ? "Next" : "End", "A Choice state must not have 'Next' or 'End'; use Choices and Default");
        }

        var choices = new List<(ChoiceRule, string)>();
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
            var rule = ChoiceRule.Parse(ruleReader, topLevel: true);
            if (rule is not null && JsonValues.TryGetString(obj["Next"], out var next))
            {
                choices.Add((rule, next));
            }
        }

        return new ChoiceState
        {
            Name = name,
            InputPath = reader.Path("InputPath"),
            OutputPath = reader.Path("OutputPath"),
            Choices = choices,
            Default = reader.String("Default"),
        };
    }

    private static WaitState ParseWait(string name, FieldReader reader)
    {
        string[] fields = ["Seconds", "Timestamp", "SecondsPath", "TimestampPath"];
        var present = fields.Where(reader.Has).ToList();
        if (present.Count != 1)
        {
            reader.Error("", $"Wait state '{name}' must have exactly one of Seconds, Timestamp, SecondsPath, TimestampPath");
        }

        DateTimeOffset? timestamp = null;
        var timestampText = reader.String("Timestamp");
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
            InputPath = reader.Path("InputPath"),
            OutputPath = reader.Path("OutputPath"),
            Seconds = reader.Integer("Seconds", 0, 99_999_999),
            Timestamp = timestamp,
            SecondsPath = reader.Has("SecondsPath") ? reader.RequiredPath("SecondsPath", reference: true) : null,
            TimestampPath = reader.Has("TimestampPath") ? reader.RequiredPath("TimestampPath", reference: true) : null,
        };
    }

    private static FailState ParseFail(string name, FieldReader reader)
    {
        foreach (var (literal, path) in new[] { ("Error", "ErrorPath"), ("Cause", "CausePath") })
        {
            if (reader.Has(literal) && reader.Has(path))
            {
                reader.Error(path, $"Fail state '{name}' must not have both '{literal}' and '{path}'");
            }
        }

        return new FailState
        {
            Name = name,
            Error = reader.String("Error"),
            Cause = reader.String("Cause"),
            ErrorPath = FailState.DynamicField(reader, "ErrorPath"),
            CausePath = FailState.DynamicField(reader, "CausePath"),
        };
    }

    private static ParallelState ParseParallel(string name, FieldReader reader)
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
                if (ParseNestedBlock(branchReader) is { } block)
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
            InputPath = reader.Path("InputPath"),
            OutputPath = reader.Path("OutputPath"),
            Branches = branches,
            Parameters = reader.Template("Parameters"),
            ResultSelector = reader.Template("ResultSelector"),
            ResultPath = reader.Path("ResultPath", reference: true),
            Retry = Retrier.ParseAll(reader),
            Catch = Catcher.ParseAll(reader),
        };
    }

    private static MapState? ParseMap(string name, FieldReader reader)
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

        foreach (var field in new[] { "ItemReader", "ResultWriter", "ItemBatcher", "MaxConcurrencyPath", "ToleratedFailureCountPath", "ToleratedFailurePercentagePath" })
        {
            if (reader.Has(field))
            {
                reader.Error(field, $"'{field}' (Distributed Map) is not supported", "UNSUPPORTED_FEATURE");
            }
        }

        _ = reader.String("Label");
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

            processor = ParseNestedBlock(processorReader);
        }

        var map = new MapState
        {
            Name = name,
            Next = ReadTransition(name, reader),
            InputPath = reader.Path("InputPath"),
            OutputPath = reader.Path("OutputPath"),
            ItemProcessor = processor!,
            ItemsPath = reader.Has("ItemsPath") ? reader.RequiredPath("ItemsPath", reference: true) ?? JsonPath.Parse("$") : JsonPath.Parse("$"),
            ItemSelector = reader.Template(selectorField),
            ResultSelector = reader.Template("ResultSelector"),
            ResultPath = reader.Path("ResultPath", reference: true),
            MaxConcurrency = reader.Integer("MaxConcurrency", 0) ?? 0,
            ToleratedFailureCount = reader.Integer("ToleratedFailureCount", 0),
            ToleratedFailurePercentage = reader.Has("ToleratedFailurePercentage") ? Percentage(reader) : null,
            Retry = Retrier.ParseAll(reader),
            Catch = Catcher.ParseAll(reader),
        };
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

    private static StateBlock? ParseNestedBlock(FieldReader reader)
    {
        _ = reader.String("Comment");
        RejectJsonata(reader);
        var block = StateBlock.Parse(reader);
        reader.RejectUnknownFields("a branch");
        return block;
    }
}
