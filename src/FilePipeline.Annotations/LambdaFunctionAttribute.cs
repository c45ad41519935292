namespace FilePipeline.Annotations;

/// <summary>
/// Marks a public method as a Lambda function, as Amazon.Lambda.Annotations' attribute of the same
/// name does: the generator writes its wrapper, registers it under the method's name
/// (<c>ANNOTATIONS_HANDLER</c>) and synchronises its resource in serverless.template.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class LambdaFunctionAttribute : Attribute
{
    /// <summary>The function's logical id in the template; by default the generated wrapper's name without its non-alphanumeric characters.</summary>
    public string? ResourceName { get; set; }

    /// <summary>Seconds Lambda lets an invocation run; 0 leaves the template's value.</summary>
    public uint Timeout { get; set; }

    /// <summary>Megabytes of memory; 0 leaves the template's value.</summary>
    public uint MemorySize { get; set; }

    /// <summary>The execution role: an ARN, or <c>@LogicalId</c> of a role (or parameter) in the template. Replaces <see cref="Policies"/>.</summary>
    public string? Role { get; set; }

    /// <summary>Comma-separated managed policies or <c>@LogicalId</c> references for SAM's generated role. Replaces <see cref="Role"/>.</summary>
    public string? Policies { get; set; }
}
