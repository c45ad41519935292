namespace FilePipeline.States.Definition;

/// <summary>Parsing of ErrorEquals with AWS's rule that States.ALL stands alone in the last element.</summary>
internal static class ErrorMatching
{
    public static IReadOnlyList<string> ParseErrorEquals(FieldReader reader, bool isLast)
    {
        var array = reader.Array("ErrorEquals", required: true);
        if (array is null)
        {
            return [];
        }

        var names = new List<string>();
        foreach (var item in array)
        {
            if (Json.JsonValues.TryGetString(item, out var name))
            {
                names.Add(name);
            }
            else
            {
                reader.Error("ErrorEquals", "ErrorEquals must contain only STRING error names");
            }
        }

        if (names.Count == 0)
        {
            reader.Error("ErrorEquals", "ErrorEquals must not be empty");
        }

        if (names.Contains(StatesErrors.All) && (names.Count > 1 || !isLast))
        {
            reader.Error("ErrorEquals", "States.ALL must appear alone in ErrorEquals and only in the last Retrier or Catcher");
        }

        return names;
    }
}
