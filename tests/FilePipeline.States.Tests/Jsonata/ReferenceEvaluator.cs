using System.Text.Json.Nodes;
using FilePipeline.Testing.Tools;

namespace FilePipeline.States.Tests.Jsonata;

/// <summary>Evaluates a batch of expressions with the JSONata reference implementation in a single node process.</summary>
public static class ReferenceEvaluator
{
    /// <returns>One object per case: <c>{value}</c>, <c>{undefined: true}</c>, <c>{function: true}</c> or <c>{code}</c>.</returns>
    public static async Task<JsonArray> EvaluateAsync(IReadOnlyList<(string Expression, JsonNode? Data)> cases)
    {
        await NpmTools.EnsureInstalledAsync();
        var batch = new JsonArray();
        foreach (var (expression, data) in cases)
        {
            var item = new JsonObject { ["expr"] = expression };
            if (data is not null)
            {
                item["data"] = data.DeepClone();
            }

            batch.Add(item);
        }

        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, batch.ToJsonString());
            var script = Path.Combine(AppContext.BaseDirectory, "Jsonata", "reference-evaluate.cjs");
            var (exitCode, output) = await ChildProcess.RunAsync("node", [script, NpmTools.PackageDirectory(NpmTools.Jsonata), file]);
            return exitCode == 0
                ? JsonNode.Parse(output)!.AsArray()
                : throw new InvalidOperationException($"node {script} failed ({exitCode}): {output}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
