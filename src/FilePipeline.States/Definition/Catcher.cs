using System.Text.Json.Nodes;

namespace FilePipeline.States.Definition;

/// <summary>One element of a state's Catch array.</summary>
internal sealed class Catcher
{
    public required IReadOnlyList<string> ErrorEquals { get; init; }

    public required string Next { get; init; }

    /// <summary>JSONPath: ResultPath and Assign (whose <c>$</c> is the error output); JSONata: Output and Assign.</summary>
    public required StateIO IO { get; init; }

    public static IReadOnlyList<Catcher> ParseAll(FieldReader state, QueryLanguage language)
    {
        var array = state.Array("Catch");
        if (array is null)
        {
            return [];
        }

        var catchers = new List<Catcher>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is not JsonObject obj)
            {
                state.Error($"Catch/{i}", "A Catcher must be an OBJECT");
                continue;
            }

            var reader = new FieldReader(obj, $"{state.Location}/Catch/{i}", state.Errors);
            catchers.Add(new Catcher
            {
                ErrorEquals = ErrorMatching.ParseErrorEquals(reader, isLast: i == array.Count - 1),
                Next = reader.String("Next", required: true) ?? "",
                IO = IOParser.Read(reader, language, IOFields.ResultPath | IOFields.Assign),
            });
            _ = reader.String("Comment");
            reader.RejectUnknownFields("a Catcher");
        }

        return catchers;
    }
}
