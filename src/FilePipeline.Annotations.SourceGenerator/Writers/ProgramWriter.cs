using System.Collections.Generic;
using System.Linq;

namespace FilePipeline.Annotations.SourceGenerator.Writers;

/// <summary>
/// Writes <c>GeneratedProgram</c> for executable mode: a <c>Main</c> that runs the function
/// <c>ANNOTATIONS_HANDLER</c> names, as Lambda Annotations' generated Program does. Where the real
/// one calls Amazon.Lambda.RuntimeSupport, ours calls the partial <c>RunAsync</c> the executable
/// implements with its runtime loop and its backend's services.
/// </summary>
internal static class ProgramWriter
{
    public const string ClassName = "GeneratedProgram";

    private const string Registry = "global::FilePipeline.Functions.Runtime.LambdaFunctionRegistry";
    private const string TaskOfInt = "global::System.Threading.Tasks.Task<int>";

    /// <param name="registries">The full names of the <c>GeneratedLambdaFunctions</c> classes whose functions Main can run.</param>
    public static string Write(string ns, IReadOnlyList<string> registries)
    {
        var code = GeneratedSource.Begin(ns);
        code.AppendLine("/// <summary>Executable mode ([LambdaGlobalProperties(GenerateMain = true)]): the process runs the one function ANNOTATIONS_HANDLER names.</summary>");
        code.AppendLine($"public static partial class {ClassName}");
        code.AppendLine("{");
        code.AppendLine("    /// <summary>Every function this executable can run: its own and those of the assemblies it references.</summary>");
        code.AppendLine($"    public static {Registry} Functions {{ get; }} = {string.Join("\n        .Concat(", registries.Select(r => $"{r}.Registry"))}{new string(')', registries.Count - 1)};");
        code.AppendLine();
        code.AppendLine($"    public static {TaskOfInt} Main(string[] args) =>");
        code.AppendLine($"        RunAsync(global::System.Environment.GetEnvironmentVariable({Registry}.HandlerVariable), Functions);");
        code.AppendLine();
        code.AppendLine("    /// <summary>");
        code.AppendLine("    /// Serves the selected function's invocations until the process ends; the executable implements it,");
        code.AppendLine("    /// and reports a missing or unknown <paramref name=\"handler\"/> as the function's init error.");
        code.AppendLine("    /// </summary>");
        code.AppendLine($"    private static partial {TaskOfInt} RunAsync(string? handler, {Registry} functions);");
        code.AppendLine("}");
        return code.ToString();
    }
}
