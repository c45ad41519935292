namespace FilePipeline.Executions.Layout;

/// <summary>Placement: x within each row and the tops of the rows.</summary>
internal sealed partial class ScopeDrawing
{
    // Each round pulls every vertex towards the mean centre of its neighbours, then restores the
    // order and spacing of its layer with the closest arrangement (isotonic regression, pool adjacent violators).
    private static void PlaceHorizontally(List<List<Vertex>> layers)
    {
        foreach (List<Vertex> layer in layers)
        {
            double x = 0;
            for (int i = 0; i < layer.Count; i++)
            {
                x += i == 0 ? 0 : Separation(layer[i - 1], layer[i]);
                layer[i].CenterX = x;
            }
        }

        for (int round = 0; round < PlacementRounds; round++)
        {
            bool down = round % 2 == 0;
            IEnumerable<List<Vertex>> order = down ? layers : Enumerable.Reverse(layers);
            foreach (List<Vertex> layer in order)
            {
                double[] desired = layer
                    .Select(v => (round >= PlacementRounds - 4 ? v.Above.Concat(v.Below) : down ? v.Above : v.Below).ToList())
                    .Select((neighbours, i) => neighbours.Count == 0 ? layer[i].CenterX : neighbours.Average(n => n.CenterX))
                    .ToArray();
                Arrange(layer, desired);
            }
        }

        double left = layers.SelectMany(l => l).Min(v => v.X);
        foreach (Vertex vertex in layers.SelectMany(l => l))
        {
            vertex.CenterX -= left;
        }
    }

    private static double Separation(Vertex left, Vertex right) =>
        ((left.Width + right.Width) / 2) + (left.State is null || right.State is null ? DummyGap : NodeGap);

    private static void Arrange(List<Vertex> layer, double[] desired)
    {
        // With offsets c_i (cumulative minimum separations), x_i = y_i + c_i and the constraint becomes y non-decreasing.
        var offsets = new double[layer.Count];
        for (int i = 1; i < layer.Count; i++)
        {
            offsets[i] = offsets[i - 1] + Separation(layer[i - 1], layer[i]);
        }

        var blocks = new List<(double Sum, int Count)>();
        for (int i = 0; i < layer.Count; i++)
        {
            blocks.Add((desired[i] - offsets[i], 1));
            while (blocks.Count > 1 && blocks[^2].Sum / blocks[^2].Count > blocks[^1].Sum / blocks[^1].Count)
            {
                (double sum, int count) = blocks[^1];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (blocks[^1].Sum + sum, blocks[^1].Count + count);
            }
        }

        int index = 0;
        foreach ((double sum, int count) in blocks)
        {
            for (int k = 0; k < count; k++, index++)
            {
                layer[index].CenterX = (sum / count) + offsets[index];
            }
        }
    }

    private static double[] PlaceVertically(List<List<Vertex>> layers, out double height)
    {
        var tops = new double[layers.Count + 1];
        for (int i = 0; i < layers.Count; i++)
        {
            double rowHeight = layers[i].Select(v => v.Height).DefaultIfEmpty(0).Max();
            foreach (Vertex vertex in layers[i])
            {
                vertex.Y = tops[i] + ((rowHeight - vertex.Height) / 2);
            }

            tops[i + 1] = tops[i] + rowHeight + RowGap;
        }

        height = tops[layers.Count] - RowGap;
        return tops;
    }
}
