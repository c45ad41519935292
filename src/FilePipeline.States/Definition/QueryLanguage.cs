namespace FilePipeline.States.Definition;

/// <summary>The query language of a state: the machine's QueryLanguage unless the state sets its own.</summary>
internal enum QueryLanguage
{
    JsonPath,
    Jsonata,
}

/// <summary>Which input/output fields a state type (or a Catcher) has.</summary>
[Flags]
internal enum IOFields
{
    None = 0,

    /// <summary>JSONPath InputPath and OutputPath; JSONata Output.</summary>
    Paths = 1,

    /// <summary>JSONPath Parameters; JSONata Arguments.</summary>
    Parameters = 2,

    ResultSelector = 4,

    /// <summary>JSONPath ResultPath; JSONata Output (a Catcher's).</summary>
    ResultPath = 8,

    Assign = 16,
}
