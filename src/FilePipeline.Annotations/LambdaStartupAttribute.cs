namespace FilePipeline.Annotations;

/// <summary>
/// Marks the one class of an assembly whose <c>ConfigureServices(IServiceCollection)</c> registers
/// the services its functions are built from; each function's wrapper builds its container from it.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class LambdaStartupAttribute : Attribute;
