using System.Collections.Generic;
using System.Linq;
using FilePipeline.Annotations.SourceGenerator.Models;

namespace FilePipeline.Annotations.SourceGenerator.Writers;

/// <summary>
/// Writes <c>GeneratedLambdaFunctions</c>: the assembly's function registry, which every host
/// dispatches through, and the template fragment of its function resources.
/// </summary>
internal static class RegistryWriter
{
    public const string ClassName = "GeneratedLambdaFunctions";

    private const string Runtime = "global::FilePipeline.Functions.Runtime";

    /// <summary>The registry's namespace: the assembly's name when it is a valid one.</summary>
    public static string NamespaceOf(string assemblyName) =>
        assemblyName.Split('.').All(part => part.Length > 0 && (char.IsLetter(part[0]) || part[0] == '_') && part.All(c => char.IsLetterOrDigit(c) || c == '_'))
            ? assemblyName
            : "FilePipeline.Annotations.Generated";

    public static string Write(string ns, IReadOnlyList<FunctionModel> functions)
    {
        var code = GeneratedSource.Begin(ns);
        code.AppendLine("/// <summary>Every [LambdaFunction] of this assembly, as the source generator found them.</summary>");
        code.AppendLine($"public static class {ClassName}");
        code.AppendLine("{");
        code.AppendLine("    /// <summary>The functions by handler name (the method's name, as <c>ANNOTATIONS_HANDLER</c> selects it).</summary>");
        code.AppendLine($"    public static {Runtime}.LambdaFunctionRegistry Registry {{ get; }} = new(new {Runtime}.LambdaFunctionDescriptor[]");
        code.AppendLine("    {");
        foreach (var function in functions.OrderBy(f => f.MethodName, System.StringComparer.Ordinal))
        {
            code.AppendLine($"        new(\"{function.MethodName}\", \"{function.ResourceName}\", configure => new {function.WrapperFullName}(configure).InvokeAsync),");
        }

        code.AppendLine("    });");
        code.AppendLine();
        code.AppendLine("    /// <summary>The function resources the attributes describe, as serverless.template's Resources; the template synchroniser merges them in.</summary>");
        code.AppendLine($"    public const string TemplateFragment = @\"{TemplateFragmentWriter.Write(functions).Replace("\"", "\"\"")}\";");
        code.AppendLine("}");
        return code.ToString();
    }
}
