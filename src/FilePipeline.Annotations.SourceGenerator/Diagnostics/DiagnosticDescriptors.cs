using Microsoft.CodeAnalysis;

namespace FilePipeline.Annotations.SourceGenerator.Diagnostics;

/// <summary>
/// The generator's errors. The ids are ours (FPA); each says in which case Lambda Annotations' own
/// generator reports the same problem (AWSLambda01xx) or why it is ours alone.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "FilePipeline.Annotations";

    /// <summary>Like AWSLambda0101.</summary>
    public static readonly DiagnosticDescriptor MultipleStartupClasses = Error(
        "FPA0101",
        "Multiple LambdaStartup classes",
        "[LambdaStartup] is on {0} classes ({1}); an assembly has at most one, so the functions' services are unambiguous");

    /// <summary>Ours: Lambda Annotations falls back to the bare constructor and fails at the first invocation instead.</summary>
    public static readonly DiagnosticDescriptor MissingStartupClass = Error(
        "FPA0102",
        "Missing LambdaStartup class",
        "{0} needs services ({1}) but the assembly has no [LambdaStartup] class with ConfigureServices(IServiceCollection) to register them");

    /// <summary>Like the template conflict Lambda Annotations' writer meets when two functions share a resource.</summary>
    public static readonly DiagnosticDescriptor DuplicateResourceName = Error(
        "FPA0103",
        "Duplicate function resource name",
        "{0} and {1} both use the resource name '{2}'; each function needs its own resource in serverless.template");

    /// <summary>Like AWSLambda0117.</summary>
    public static readonly DiagnosticDescriptor UnsupportedParameter = Error(
        "FPA0104",
        "Unsupported function parameter",
        "Parameter '{0}' of {1} is not supported: a function takes at most one event, an ILambdaContext and [FromServices] parameters, none by reference");

    /// <summary>Like AWSLambda0117 for the method itself.</summary>
    public static readonly DiagnosticDescriptor NonPublicMethod = Error(
        "FPA0105",
        "Function method is not public",
        "{0} must be a public instance method of a public, non-generic, top-level class to be a Lambda function");

    /// <summary>Like AWSLambda0106.</summary>
    public static readonly DiagnosticDescriptor InvalidResourceName = Error(
        "FPA0106",
        "Invalid CloudFormation resource name",
        "'{0}' is not a valid resource name: CloudFormation logical ids contain only letters and digits");

    /// <summary>Ours: the wrappers use source-generated JSON only (AWSLambda0108 is the real one's missing serializer).</summary>
    public static readonly DiagnosticDescriptor MissingJsonContext = Error(
        "FPA0107",
        "No source-generated JSON for a function's type",
        "No JsonSerializerContext of this assembly has [JsonSerializable(typeof({0}))], which {1} needs to read or write its JSON without reflection");

    /// <summary>Like AWSLambda0116 (SQS) and its S3 counterpart.</summary>
    public static readonly DiagnosticDescriptor InvalidEventAttribute = Error(
        "FPA0108",
        "Invalid event attribute",
        "Invalid {0} on {1}: {2}");

    /// <summary>Ours: ANNOTATIONS_HANDLER selects by method name, so two methods of one name could not both be selected.</summary>
    public static readonly DiagnosticDescriptor DuplicateHandlerName = Error(
        "FPA0109",
        "Duplicate handler name",
        "{0} and {1} are both named '{2}'; ANNOTATIONS_HANDLER selects a function by its method name, so names must be unique");

    /// <summary>Like AWSLambda0111.</summary>
    public static readonly DiagnosticDescriptor GenerateMainNeedsExecutable = Error(
        "FPA0110",
        "GenerateMain needs an executable",
        "[LambdaGlobalProperties(GenerateMain = true)] writes a Main method, so the project's OutputType must be Exe");

    /// <summary>Like AWSLambda0113; ours also counts the functions of referenced assemblies, which Main runs too.</summary>
    public static readonly DiagnosticDescriptor ExecutableWithNoFunctions = Error(
        "FPA0111",
        "GenerateMain without functions",
        "[LambdaGlobalProperties(GenerateMain = true)] writes a Main that runs a [LambdaFunction], but neither this project nor the assemblies it references have one");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
}
