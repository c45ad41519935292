using System.Collections.Generic;
using System.Linq;
using System.Text;
using FilePipeline.Annotations.SourceGenerator.Models;

namespace FilePipeline.Annotations.SourceGenerator.Writers;

/// <summary>
/// Writes <c>{Class}_{Method}_Generated</c>: a service container built from the startup class (then
/// the host's services), a typed method that runs the function in a fresh scope, and
/// <c>InvokeAsync</c>, which reads the event and writes the result with source-generated JSON.
/// A singleton function class without [FromServices] parameters is called without a scope: nothing
/// of the invocation would live in it, and an invocation then costs no allocation of the wrapper's.
/// </summary>
internal static class WrapperWriter
{
    private const string DI = "global::Microsoft.Extensions.DependencyInjection";
    private const string Context = "global::FilePipeline.Functions.Runtime.ILambdaContext";
    private const string TypeInfo = "global::System.Text.Json.Serialization.Metadata.JsonTypeInfo";

    public static string Write(FunctionModel function, string? startup, string? eventContext, string? resultContext)
    {
        var eventParameter = function.Parameters.FirstOrDefault(p => p.Kind == ParameterKind.Event);
        var typed = function.Parameters.Where(p => p.Kind != ParameterKind.Service).ToList();
        var awaits = function.Return is ReturnShape.Task or ReturnShape.TaskOfResult;
        var hasResult = function.ResultTypeFullName is not null;
        var typedReturn = hasResult
            ? awaits ? $"async global::System.Threading.Tasks.Task<{function.ResultTypeFullName}>" : function.ResultTypeFullName!
            : awaits ? "async global::System.Threading.Tasks.Task" : "void";

        var code = GeneratedSource.Begin(function.Namespace);

        code.AppendLine($"/// <summary>The generated Lambda entry point of <see cref=\"{function.ClassFullName}.{function.MethodName}\"/>.</summary>");
        code.AppendLine($"public sealed class {function.WrapperName}");
        code.AppendLine("{");
        if (eventParameter is not null)
        {
            code.AppendLine($"    private static readonly {TypeInfo}<{eventParameter.TypeFullName}> EventType =");
            code.AppendLine($"        ({TypeInfo}<{eventParameter.TypeFullName}>){eventContext}.Default.GetTypeInfo(typeof({eventParameter.TypeFullName}))!;");
            code.AppendLine();
        }

        if (hasResult)
        {
            code.AppendLine($"    private static readonly {TypeInfo}<{function.ResultTypeFullName}> ResultType =");
            code.AppendLine($"        ({TypeInfo}<{function.ResultTypeFullName}>){resultContext}.Default.GetTypeInfo(typeof({function.ResultTypeFullName}))!;");
            code.AppendLine();
        }

        var canSkipScope = function.Parameters.All(p => p.Kind != ParameterKind.Service);
        code.AppendLine($"    private readonly {DI}.ServiceProvider serviceProvider;");
        code.AppendLine();
        if (canSkipScope)
        {
            code.AppendLine("    /// <summary>The function when its class is a singleton: it is then called without a scope per invocation.</summary>");
            code.AppendLine($"    private readonly {function.ClassFullName}? singleton;");
            code.AppendLine();
        }

        code.AppendLine($"    public {function.WrapperName}()");
        code.AppendLine("        : this(null)");
        code.AppendLine("    {");
        code.AppendLine("    }");
        code.AppendLine();
        code.AppendLine("    /// <param name=\"configureHostServices\">Services the host adds after the startup class's: the adapters of its backend.</param>");
        code.AppendLine($"    public {function.WrapperName}(global::System.Action<{DI}.IServiceCollection>? configureHostServices)");
        code.AppendLine("    {");
        code.AppendLine($"        var services = new {DI}.ServiceCollection();");
        code.AppendLine("        // The function class is a singleton unless the startup class registers it otherwise.");
        code.AppendLine($"        {DI}.ServiceCollectionServiceExtensions.AddSingleton<{function.ClassFullName}>(services);");
        if (startup is not null)
        {
            code.AppendLine($"        new {startup}().ConfigureServices(services);");
        }

        code.AppendLine("        configureHostServices?.Invoke(services);");
        code.AppendLine($"        serviceProvider = {DI}.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);");
        code.AppendLine("        // Resolved once now, in the init phase, so a missing service or setting fails the init rather than the first invocation.");
        code.AppendLine($"        using var __scope = {DI}.ServiceProviderServiceExtensions.CreateScope(serviceProvider);");
        code.AppendLine($"        {DI}.ServiceProviderServiceExtensions.GetRequiredService<{function.ClassFullName}>(__scope.ServiceProvider);");
        if (canSkipScope)
        {
            code.AppendLine($"        if (global::System.Linq.Enumerable.LastOrDefault(services, d => d.ServiceType == typeof({function.ClassFullName}))?.Lifetime == {DI}.ServiceLifetime.Singleton)");
            code.AppendLine("        {");
            code.AppendLine($"            singleton = {DI}.ServiceProviderServiceExtensions.GetRequiredService<{function.ClassFullName}>(serviceProvider);");
            code.AppendLine("        }");
        }

        code.AppendLine("    }");
        code.AppendLine();
        var parameters = string.Join(", ", typed.Select(p => $"{p.TypeFullName} {p.Name}"));
        var scopedName = function.MethodName;
        if (canSkipScope)
        {
            scopedName = WriteSingletonPath(code, function, typed, parameters, awaits, hasResult);
        }

        code.AppendLine($"    {(scopedName == function.MethodName ? "public" : "private")} {typedReturn} {scopedName}({parameters})");
        code.AppendLine("    {");
        if (canSkipScope && !awaits)
        {
            code.AppendLine("        if (singleton is not null)");
            code.AppendLine("        {");
            var singletonCall = $"singleton.{function.MethodName}({string.Join(", ", typed.Select(p => p.Name))});";
            code.AppendLine(hasResult ? $"            return {singletonCall}" : $"            {singletonCall}");
            if (!hasResult)
            {
                code.AppendLine("            return;");
            }

            code.AppendLine("        }");
            code.AppendLine();
        }

        code.AppendLine("        // A scope per invocation: scoped services live exactly as long as it.");
        code.AppendLine(awaits
            ? $"        await using var __scope = {DI}.ServiceProviderServiceExtensions.CreateAsyncScope(serviceProvider);"
            : $"        using var __scope = {DI}.ServiceProviderServiceExtensions.CreateScope(serviceProvider);");
        code.AppendLine($"        var __function = {DI}.ServiceProviderServiceExtensions.GetRequiredService<{function.ClassFullName}>(__scope.ServiceProvider);");
        var arguments = function.Parameters.Select(p => p.Kind == ParameterKind.Service
            ? $"{DI}.ServiceProviderServiceExtensions.GetRequiredService<{p.TypeFullName}>(__scope.ServiceProvider)"
            : p.Name);
        var call = $"__function.{function.MethodName}({string.Join(", ", arguments)})";
        code.AppendLine($"        {(hasResult ? "return " : "")}{(awaits ? "await " : "")}{call}{(awaits ? ".ConfigureAwait(false)" : "")};");
        code.AppendLine("    }");
        code.AppendLine();
        WriteInvoke(code, function, eventParameter, awaits, hasResult);
        code.AppendLine("}");
        return code.ToString();
    }

    /// <summary>
    /// Writes the typed method's singleton path: a task-returning one hands the function's task on and
    /// leaves the scoped path to a separate async method, whose name it returns; a synchronous one
    /// returns early and the scoped path follows in the same method.
    /// </summary>
    private static string WriteSingletonPath(StringBuilder code, FunctionModel function, IReadOnlyList<ParameterModel> typed, string parameters, bool awaits, bool hasResult)
    {
        var call = $"{function.MethodName}({string.Join(", ", typed.Select(p => p.Name))})";
        if (awaits)
        {
            var scopedName = $"{function.MethodName}InScopeAsync";
            var taskType = hasResult ? $"global::System.Threading.Tasks.Task<{function.ResultTypeFullName}>" : "global::System.Threading.Tasks.Task";
            code.AppendLine($"    public {taskType} {function.MethodName}({parameters}) =>");
            code.AppendLine($"        singleton is not null ? singleton.{call} : {scopedName}({string.Join(", ", typed.Select(p => p.Name))});");
            code.AppendLine();
            return scopedName;
        }

        return function.MethodName;
    }

    private static void WriteInvoke(StringBuilder code, FunctionModel function, ParameterModel? eventParameter, bool awaits, bool hasResult)
    {
        code.AppendLine("    /// <summary>One invocation as hosts make it: the event's JSON in, the result's JSON out (empty when there is none).</summary>");
        code.AppendLine($"    public {(awaits ? "async " : "")}global::System.Threading.Tasks.Task<global::System.ReadOnlyMemory<byte>> InvokeAsync(global::System.ReadOnlyMemory<byte> input, {Context} context, global::System.Threading.CancellationToken cancellationToken)");
        code.AppendLine("    {");
        if (eventParameter is not null)
        {
            var typeName = eventParameter.TypeFullName.Split('.').Last();
            code.AppendLine($"        var __event = global::System.Text.Json.JsonSerializer.Deserialize(input.Span, EventType)");
            code.AppendLine($"            ?? throw new global::System.Text.Json.JsonException(\"The event is null; {function.MethodName} takes {typeName}.\");");
        }

        var arguments = function.Parameters.Where(p => p.Kind != ParameterKind.Service)
            .Select(p => p.Kind == ParameterKind.Event ? "__event" : "context");
        var call = $"{function.MethodName}({string.Join(", ", arguments)})";
        var invoked = awaits ? $"await {call}.ConfigureAwait(false)" : call;
        string response;
        if (hasResult)
        {
            code.AppendLine($"        var __result = {invoked};");
            response = "global::System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(__result, ResultType)";
        }
        else
        {
            code.AppendLine($"        {invoked};");
            response = "global::System.ReadOnlyMemory<byte>.Empty";
        }

        code.AppendLine(awaits
            ? $"        return {response};"
            : $"        return global::System.Threading.Tasks.Task.FromResult<global::System.ReadOnlyMemory<byte>>({response});");
        code.AppendLine("    }");
    }
}
