using System.Globalization;
using System.Text;

namespace FilePipeline.Functions.Runtime;

/// <summary>
/// Lambda's structured-logging message templates: each <c>{name}</c> placeholder takes the next
/// argument (a numeric name, <c>{0}</c>, takes that argument) and becomes a JSON property of the entry.
/// </summary>
internal static class MessageTemplate
{
    /// <returns>The message with the placeholders replaced; <paramref name="properties"/> gets each named value.</returns>
    public static string Apply(string template, object?[]? args, List<KeyValuePair<string, string>> properties)
    {
        if (args is null || args.Length == 0)
        {
            return template;
        }

        var message = new StringBuilder(template.Length);
        var next = 0;
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
            {
                break;
            }

            var name = template.Substring(open + 1, close - open - 1);
            var index = int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : next++;
            message.Append(template, position, open - position);
            if (name.Length > 0 && index < args.Length)
            {
                var value = Convert.ToString(args[index], CultureInfo.InvariantCulture) ?? "";
                message.Append(value);
                properties.Add(KeyValuePair.Create(name, value));
            }
            else
            {
                message.Append(template, open, close - open + 1);
            }

            position = close + 1;
        }

        return message.Append(template, position, template.Length - position).ToString();
    }
}
