using System.Collections.Generic;
using FilePipeline.Annotations.SourceGenerator.Models;

namespace FilePipeline.Annotations.SourceGenerator.Writers;

/// <summary>
/// The function resources the attributes describe, shaped as serverless.template's <c>Resources</c>:
/// only the properties the generator manages. The template synchroniser merges it into the template.
/// </summary>
internal static class TemplateFragmentWriter
{
    /// <summary>The Metadata.Tool value that marks a resource as managed by this generator.</summary>
    public const string Tool = "FilePipeline.Annotations";

    public static string Write(IEnumerable<FunctionModel> functions)
    {
        var template = new JsonTree();
        var resources = template.Child("Resources");
        foreach (var function in functions)
        {
            var resource = resources.Child(function.ResourceName);
            resource.Set("Type", Json.String("AWS::Serverless::Function"));
            resource.Set("Metadata.Tool", Json.String(Tool));
            var properties = resource.Child("Properties");
            foreach (var property in function.Properties)
            {
                properties.Set(property.Path, property.Json);
            }

            foreach (var source in function.Events)
            {
                var entry = properties.Child("Events").Child(source.ResourceName);
                entry.Set("Type", Json.String(source.Type));
                var eventProperties = entry.Child("Properties");
                foreach (var property in source.Properties)
                {
                    eventProperties.Set(property.Path, property.Json);
                }
            }
        }

        return template.ToString();
    }
}
