namespace FilePipeline.States.Jsonata;

/// <summary>Number formatting and parsing through XPath pictures.</summary>
internal static partial class Builtins
{
    private static object? FormatNumber(CallContext context, List<object?> a) =>
        a[0] is double value ? NumberPicture.Format(value, (string)a[1]!, a.Count > 2 ? a[2] as JObject : null) : null;

    private static object? FormatInteger(CallContext context, List<object?> a) =>
        a[0] is double value ? IntegerPicture.Parse((string)a[1]!).Format((long)Math.Floor(value)) : null;

    private static object? ParseInteger(CallContext context, List<object?> a) =>
        a[0] is string text ? IntegerPicture.Parse((string)a[1]!).Read(text) : null;
}
