using System.Text.Json;
using FilePipeline.Annotations.TemplateSync;
using FilePipeline.Functions;

// Applies FilePipeline.Functions' generated template fragment to serverless.template, writing the
// file only when it changes, so a build that changes nothing leaves it (and its timestamp) alone.
if (args.Length != 1)
{
    await Console.Error.WriteLineAsync("usage: template-sync <path to serverless.template>");
    return 2;
}

var path = args[0];
try
{
    var current = await File.ReadAllTextAsync(path);
    var synchronized = ServerlessTemplateSynchronizer.Synchronize(current, GeneratedLambdaFunctions.TemplateFragment);
    if (synchronized == current)
    {
        Console.WriteLine($"template-sync: {path} is in sync with the [LambdaFunction] attributes.");
        return 0;
    }

    await File.WriteAllTextAsync(path, synchronized);
    Console.WriteLine($"template-sync: updated the function resources of {path} from the [LambdaFunction] attributes.");
    return 0;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
{
    await Console.Error.WriteLineAsync($"template-sync: {path}: {e.Message}");
    return 1;
}
