using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using FilePipeline.Annotations.SourceGenerator.Diagnostics;
using FilePipeline.Annotations.SourceGenerator.Models;
using FilePipeline.Annotations.SourceGenerator.Writers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace FilePipeline.Annotations.SourceGenerator;

/// <summary>
/// Our Lambda Annotations generator: for every [LambdaFunction] method a wrapper, one registry of
/// them with their template fragment, and Main in executable mode. Each input is read into a
/// value-equatable model, so an edit that changes no model regenerates nothing.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LambdaFunctionGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var functions = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeNames.LambdaFunction,
            static (node, _) => node is MethodDeclarationSyntax,
            static (syntax, _) => FunctionModelBuilder.Build((IMethodSymbol)syntax.TargetSymbol, syntax.Attributes[0]));
        var startups = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeNames.LambdaStartup,
            static (node, _) => node is ClassDeclarationSyntax,
            static (syntax, _) => new StartupModel(
                syntax.TargetSymbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                LocationInfo.From(syntax.TargetSymbol.Locations.FirstOrDefault())));
        var jsonContexts = context.SyntaxProvider.ForAttributeWithMetadataName(
            AttributeNames.JsonSerializable,
            static (node, _) => node is ClassDeclarationSyntax,
            static (syntax, _) => new JsonContextModel(
                syntax.TargetSymbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                syntax.Attributes
                    .Select(a => a.ConstructorArguments.FirstOrDefault().Value as ITypeSymbol)
                    .Where(t => t is not null)
                    .Select(t => t!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
                    .ToEquatableArray()));
        // RootNamespace reaches the generator when the project makes it compiler-visible (MSBuild's CompilerVisibleProperty).
        var rootNamespace = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
            options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var value) && value.Length > 0 ? value : null);
        var global = context.CompilationProvider.Combine(rootNamespace).Select(static (input, _) => ReadGlobal(input.Left, input.Right));

        var inputs = functions.Collect().Combine(startups.Collect()).Combine(jsonContexts.Collect()).Combine(global);
        context.RegisterSourceOutput(inputs, static (output, input) =>
            Emit(output, input.Left.Left.Left, input.Left.Left.Right, input.Left.Right, input.Right));
    }

    private static GlobalModel ReadGlobal(Compilation compilation, string? rootNamespace)
    {
        var attribute = compilation.Assembly.GetAttributes()
            .FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeNames.LambdaGlobalProperties);
        var generateMain = attribute is not null && new AttributeArguments(attribute).Bool("GenerateMain") == true;
        return new GlobalModel(
            compilation.AssemblyName ?? "",
            rootNamespace,
            generateMain,
            compilation.Options.OutputKind is OutputKind.ConsoleApplication or OutputKind.WindowsApplication,
            LocationInfo.From(attribute?.ApplicationSyntaxReference?.GetSyntax().GetLocation()),
            generateMain ? ReferencedRegistries(compilation) : EquatableArray<string>.Empty);
    }

    /// <summary>The registries this generator wrote into referenced assemblies (a function library beside its executable).</summary>
    private static EquatableArray<string> ReferencedRegistries(Compilation compilation) =>
        compilation.SourceModule.ReferencedAssemblySymbols
            .Select(assembly => assembly.GetTypeByMetadataName($"{RegistryWriter.NamespaceOf(assembly.Name)}.{RegistryWriter.ClassName}"))
            .Where(registry => registry is not null)
            .Select(registry => registry!.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .OrderBy(name => name, System.StringComparer.Ordinal)
            .ToEquatableArray();

    private static void Emit(
        SourceProductionContext output,
        ImmutableArray<FunctionModel> functions,
        ImmutableArray<StartupModel> startups,
        ImmutableArray<JsonContextModel> jsonContexts,
        GlobalModel global)
    {
        foreach (var diagnostic in functions.SelectMany(f => f.Diagnostics))
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }

        if (startups.Length > 1)
        {
            var names = string.Join(", ", startups.Select(s => s.FullName.Replace("global::", "")));
            foreach (var startup in startups)
            {
                output.ReportDiagnostic(DiagnosticInfo.At(DiagnosticDescriptors.MultipleStartupClasses, startup.Location, startups.Length.ToString(), names).ToDiagnostic());
            }

            return;
        }

        var startupName = startups.FirstOrDefault()?.FullName;
        var accepted = new List<FunctionModel>();
        foreach (var function in functions.Where(f => f.IsValid))
        {
            if (Check(function, accepted, startupName, jsonContexts) is { } problem)
            {
                output.ReportDiagnostic(problem.ToDiagnostic());
                continue;
            }

            accepted.Add(function);
            output.AddSource(
                $"{function.WrapperName}.g.cs",
                WrapperWriter.Write(function, startupName, ContextFor(function.Parameters.FirstOrDefault(p => p.Kind == ParameterKind.Event)?.TypeFullName, jsonContexts), ContextFor(function.ResultTypeFullName, jsonContexts)));
        }

        var ns = RegistryWriter.NamespaceOf(global.AssemblyName);
        if (accepted.Count > 0)
        {
            output.AddSource($"{RegistryWriter.ClassName}.g.cs", RegistryWriter.Write(ns, accepted));
        }

        if (global.GenerateMain)
        {
            EmitMain(output, global, ns, accepted.Count > 0);
        }
    }

    private static void EmitMain(SourceProductionContext output, GlobalModel global, string ns, bool hasOwnFunctions)
    {
        var registries = global.ReferencedRegistries.ToList();
        if (hasOwnFunctions)
        {
            registries.Insert(0, $"global::{ns}.{RegistryWriter.ClassName}");
        }

        var problem = !global.IsExecutable ? DiagnosticDescriptors.GenerateMainNeedsExecutable
            : registries.Count == 0 ? DiagnosticDescriptors.ExecutableWithNoFunctions
            : null;
        if (problem is not null)
        {
            output.ReportDiagnostic(DiagnosticInfo.At(problem, global.GenerateMainLocation).ToDiagnostic());
            return;
        }

        output.AddSource($"{ProgramWriter.ClassName}.g.cs", ProgramWriter.Write(global.RootNamespace ?? ns, registries));
    }

    /// <summary>The problems that need the other functions, the startup class or the JSON contexts to see.</summary>
    private static DiagnosticInfo? Check(FunctionModel function, List<FunctionModel> accepted, string? startup, ImmutableArray<JsonContextModel> jsonContexts)
    {
        var location = function.Location;
        var display = $"{function.ClassName}.{function.MethodName}";
        if (accepted.FirstOrDefault(f => f.MethodName == function.MethodName) is { } sameName)
        {
            return DiagnosticInfo.At(DiagnosticDescriptors.DuplicateHandlerName, location, $"{sameName.ClassName}.{sameName.MethodName}", display, function.MethodName);
        }

        if (accepted.FirstOrDefault(f => f.ResourceName == function.ResourceName) is { } sameResource)
        {
            return DiagnosticInfo.At(DiagnosticDescriptors.DuplicateResourceName, location, $"{sameResource.ClassName}.{sameResource.MethodName}", display, function.ResourceName);
        }

        if (function.NeedsServices && startup is null)
        {
            var needs = function.Parameters.Any(p => p.Kind == ParameterKind.Service) ? "[FromServices] parameters" : "constructor parameters";
            return DiagnosticInfo.At(DiagnosticDescriptors.MissingStartupClass, location, display, needs);
        }

        var serialized = new[] { function.Parameters.FirstOrDefault(p => p.Kind == ParameterKind.Event)?.TypeFullName, function.ResultTypeFullName };
        return serialized.FirstOrDefault(type => type is not null && ContextFor(type, jsonContexts) is null) is { } missing
            ? DiagnosticInfo.At(DiagnosticDescriptors.MissingJsonContext, location, missing.Replace("global::", ""), display)
            : null;
    }

    private static string? ContextFor(string? type, ImmutableArray<JsonContextModel> jsonContexts) =>
        type is null ? null : jsonContexts.FirstOrDefault(c => c.Types.Contains(type))?.FullName;
}
