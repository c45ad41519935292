namespace FilePipeline.Executions.Rendering;

/// <summary>Left-aligned columns separated by two spaces; the last column is not padded.</summary>
public static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = Widths(headers);
        all.ForEach(row => Widen(widths, row));
        all.ForEach(row => output.WriteLine(Line(row, widths)));
    }

    /// <summary>The column widths of a table with only <paramref name="headers"/>; <see cref="Widen"/> fits them to each row.</summary>
    public static int[] Widths(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return [.. headers.Select(header => header.Length)];
    }

    /// <summary>Widens <paramref name="widths"/> to fit <paramref name="row"/>; a table streamed in two passes measures every row first.</summary>
    public static void Widen(int[] widths, IReadOnlyList<string> row)
    {
        ArgumentNullException.ThrowIfNull(widths);
        ArgumentNullException.ThrowIfNull(row);
        for (var column = 0; column < widths.Length; column++)
        {
            widths[column] = Math.Max(widths[column], row[column].Length);
        }
    }

    /// <summary>One row's line (without the newline) in columns of <paramref name="widths"/>.</summary>
    public static string Line(IReadOnlyList<string> row, IReadOnlyList<int> widths)
    {
        ArgumentNullException.ThrowIfNull(row);
        return string.Join("  ", row.Select((cell, column) => column == row.Count - 1 ? cell : cell.PadRight(widths[column]))).TrimEnd();
    }
}
