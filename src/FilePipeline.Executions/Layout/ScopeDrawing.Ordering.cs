namespace FilePipeline.Executions.Layout;

/// <summary>Ordering: the order within each row that crosses the fewest edges.</summary>
internal sealed partial class ScopeDrawing
{
    // Barycentre sweeps down and up, keeping the order with the fewest crossings.
    private static void OrderLayers(List<List<Vertex>> layers)
    {
        List<List<Vertex>> best = layers.Select(l => l.ToList()).ToList();
        int fewest = Crossings(layers);
        for (int sweep = 0; sweep < OrderingSweeps && fewest > 0; sweep++)
        {
            bool down = sweep % 2 == 0;
            IEnumerable<int> order = down ? Enumerable.Range(1, layers.Count - 1) : Enumerable.Range(0, layers.Count - 1).Reverse();
            foreach (int i in order)
            {
                List<Vertex> reference = layers[down ? i - 1 : i + 1];
                layers[i] = layers[i]
                    .Select((v, index) => (Vertex: v, Key: Barycentre(down ? v.Above : v.Below, reference) ?? index))
                    .OrderBy(p => p.Key)
                    .Select(p => p.Vertex)
                    .ToList();
            }

            int crossings = Crossings(layers);
            if (crossings < fewest)
            {
                fewest = crossings;
                best = layers.Select(l => l.ToList()).ToList();
            }
        }

        for (int i = 0; i < layers.Count; i++)
        {
            layers[i] = best[i];
        }
    }

    private static double? Barycentre(List<Vertex> neighbours, List<Vertex> layer) =>
        neighbours.Count == 0 ? null : neighbours.Average(n => (double)layer.IndexOf(n));

    private static int Crossings(List<List<Vertex>> layers)
    {
        int total = 0;
        for (int i = 0; i + 1 < layers.Count; i++)
        {
            var segments = layers[i]
                .SelectMany((v, upper) => v.Below.Select(b => (Upper: upper, Lower: layers[i + 1].IndexOf(b))))
                .ToList();
            for (int a = 0; a < segments.Count; a++)
            {
                for (int b = a + 1; b < segments.Count; b++)
                {
                    if ((segments[a].Upper - segments[b].Upper) * (segments[a].Lower - segments[b].Lower) < 0)
                    {
                        total++;
                    }
                }
            }
        }

        return total;
    }
}
