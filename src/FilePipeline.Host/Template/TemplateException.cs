namespace FilePipeline.Host.Template;

/// <summary>serverless.template or aws-lambda-tools-defaults.json lacks something the local stack needs.</summary>
public sealed class TemplateException(string message) : Exception(message)
{
    internal static TemplateException Missing(string what) => new($"The template has no {what}.");
}
