namespace FilePipeline.Annotations;

/// <summary>Assembly-wide settings of the generator.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class LambdaGlobalPropertiesAttribute : Attribute
{
    /// <summary>
    /// Generate a static <c>Main</c> that runs the function named by <c>ANNOTATIONS_HANDLER</c>
    /// (executable mode, as Native AOT and custom runtimes need). The project's OutputType must be Exe.
    /// </summary>
    public bool GenerateMain { get; set; }

    /// <summary>The runtime written to new function resources (e.g. <c>provided.al2023</c>, <c>dotnet8</c>).</summary>
    public string? Runtime { get; set; }
}
