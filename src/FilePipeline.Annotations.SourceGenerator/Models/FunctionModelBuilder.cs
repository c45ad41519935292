using System.Collections.Generic;
using System.Linq;
using FilePipeline.Annotations.SourceGenerator.Diagnostics;
using FilePipeline.Annotations.SourceGenerator.Writers;
using Microsoft.CodeAnalysis;

namespace FilePipeline.Annotations.SourceGenerator.Models;

/// <summary>Reads a [LambdaFunction] method's symbol into a <see cref="FunctionModel"/>, with the diagnostics that apply to it alone.</summary>
internal static class FunctionModelBuilder
{
    public static FunctionModel Build(IMethodSymbol method, AttributeData lambdaFunction)
    {
        var type = method.ContainingType;
        var location = method.Locations.FirstOrDefault();
        var display = $"{type.Name}.{method.Name}";
        var diagnostics = new List<DiagnosticInfo>();
        if (method.DeclaredAccessibility != Accessibility.Public || method.IsStatic || method.IsGenericMethod
            || type.DeclaredAccessibility != Accessibility.Public || type.IsGenericType || type.ContainingType is not null || type.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NonPublicMethod, location, display));
        }

        var ns = type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString();
        var wrapper = $"{type.Name}_{method.Name}_Generated";
        var arguments = new AttributeArguments(lambdaFunction);
        var resourceName = arguments.String("ResourceName") ?? new string((ns + wrapper).Where(char.IsLetterOrDigit).ToArray());
        if (!EventModelBuilder.IsValidResourceName(resourceName))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidResourceName, location, resourceName));
        }

        var parameters = ReadParameters(method, display, diagnostics);
        var (shape, result) = ReadReturn(method);
        var events = ReadEvents(method, result, display, diagnostics);
        var constructorParameters = type.InstanceConstructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).Select(c => c.Parameters.Length).DefaultIfEmpty(0).Max();
        return new FunctionModel(
            ns,
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            method.Name,
            resourceName,
            ReadProperties(arguments, method.Name).ToEquatableArray(),
            parameters.ToEquatableArray(),
            shape,
            result,
            events.ToEquatableArray(),
            constructorParameters > 0 || parameters.Any(p => p.Kind == ParameterKind.Service),
            LocationInfo.From(location),
            diagnostics.ToEquatableArray());
    }

    /// <summary>The function's own properties, as Lambda Annotations writes them: only what the attribute sets, Role or Policies.</summary>
    private static IEnumerable<TemplateValue> ReadProperties(AttributeArguments arguments, string methodName)
    {
        if (arguments.UInt("Timeout") is { } timeout and > 0)
        {
            yield return new TemplateValue("Timeout", timeout.ToString());
        }

        if (arguments.UInt("MemorySize") is { } memory and > 0)
        {
            yield return new TemplateValue("MemorySize", memory.ToString());
        }

        if (arguments.String("Role") is { Length: > 0 } role)
        {
            yield return new TemplateValue("Role", Json.ArnOrGetAtt(role));
        }

        if (arguments.String("Policies") is { Length: > 0 } policies)
        {
            yield return new TemplateValue("Policies", Json.Array(policies.Split(',').Select(p => Json.ValueOrRef(p.Trim()))));
        }

        yield return new TemplateValue("Environment.Variables.ANNOTATIONS_HANDLER", Json.String(methodName));
    }

    private static List<ParameterModel> ReadParameters(IMethodSymbol method, string display, List<DiagnosticInfo> diagnostics)
    {
        var parameters = new List<ParameterModel>();
        foreach (var parameter in method.Parameters)
        {
            var typeName = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            ParameterKind? kind =
                parameter.RefKind != RefKind.None ? null
                : parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeNames.FromServices) ? ParameterKind.Service
                : parameter.Type.Name == AttributeNames.LambdaContextTypeName ? ParameterKind.Context
                : ParameterKind.Event;
            if (kind is null || (kind != ParameterKind.Service && parameters.Any(p => p.Kind == kind)))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedParameter, parameter.Locations.FirstOrDefault(), parameter.Name, display));
                continue;
            }

            parameters.Add(new ParameterModel(parameter.Name, typeName, kind.Value));
        }

        return parameters;
    }

    private static (ReturnShape Shape, string? Result) ReadReturn(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return (ReturnShape.Void, null);
        }

        if (method.ReturnType is INamedTypeSymbol { Name: "Task" or "ValueTask" } task
            && task.ContainingNamespace.ToDisplayString() == "System.Threading.Tasks")
        {
            return task.TypeArguments.Length == 0
                ? (ReturnShape.Task, null)
                : (ReturnShape.TaskOfResult, task.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        }

        return (ReturnShape.Result, method.ReturnType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
    }

    private static List<EventModel> ReadEvents(IMethodSymbol method, string? result, string display, List<DiagnosticInfo> diagnostics)
    {
        var events = new List<EventModel>();
        var returnsBatchResponse = result is not null && result.Split('.').Last() == AttributeNames.SqsBatchResponseTypeName;
        foreach (var attribute in method.GetAttributes())
        {
            var name = attribute.AttributeClass?.ToDisplayString();
            if (name is not (AttributeNames.SqsEvent or AttributeNames.S3Event))
            {
                continue;
            }

            var errors = new List<string>();
            var arguments = new AttributeArguments(attribute);
            var model = name == AttributeNames.SqsEvent
                ? EventModelBuilder.Sqs(arguments, returnsBatchResponse, errors)
                : EventModelBuilder.S3(arguments, errors);
            if (model is not null)
            {
                events.Add(model);
            }

            var location = attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation();
            diagnostics.AddRange(errors.Select(error =>
                DiagnosticInfo.Create(DiagnosticDescriptors.InvalidEventAttribute, location, attribute.AttributeClass!.Name, display, error)));
        }

        return events;
    }
}
