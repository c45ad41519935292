using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FilePipeline.Serve.Protocol;

namespace FilePipeline.Serve.Logs;

/// <summary>
/// The CloudWatch Logs filter patterns serve understands: terms (<c>ERROR "exact phrase" ?either ?or -not</c>,
/// case-sensitive substrings), a regular expression between <c>%</c>, and JSON patterns
/// (<c>{ $.level = "ERROR" &amp;&amp; ($.rows &gt; 10 || $.key = "in/*") }</c>, with <c>= != &lt; &gt; &lt;= &gt;=</c>,
/// <c>IS NULL|TRUE|FALSE</c> and <c>NOT EXISTS</c>). Space-delimited patterns (<c>[a, b]</c>) are refused.
/// </summary>
public sealed class FilterPattern
{
    private readonly Func<string, bool> matches;

    private FilterPattern(Func<string, bool> matches) => this.matches = matches;

    public static FilterPattern All { get; } = new(_ => true);

    public bool Matches(string message) => matches(message);

    /// <exception cref="AwsErrorException">InvalidParameterException for a pattern serve cannot read.</exception>
    public static FilterPattern Parse(string? pattern)
    {
        var text = pattern?.Trim() ?? "";
        return text switch
        {
            "" => All,
            ['{', .., '}'] => new FilterPattern(JsonPattern.Parse(text[1..^1])),
            ['%', .., '%'] when text.Length > 1 => Regex(text[1..^1]),
            ['[', ..] => throw Invalid("space-delimited patterns ([...]) are not supported by serve; use terms or a JSON pattern"),
            _ => Terms(text),
        };
    }

    internal static AwsErrorException Invalid(string reason) => new("InvalidParameterException", "Invalid filter pattern: " + reason);

    private static FilterPattern Regex(string expression)
    {
        try
        {
            var regex = new Regex(expression, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return new FilterPattern(regex.IsMatch);
        }
        catch (ArgumentException e)
        {
            throw Invalid(e.Message);
        }
    }

    private static FilterPattern Terms(string text)
    {
        var required = new List<string>();
        var excluded = new List<string>();
        var optional = new List<string>();
        var position = 0;
        while (position < text.Length)
        {
            if (char.IsWhiteSpace(text[position]))
            {
                position++;
                continue;
            }

            var target = text[position] switch { '?' => optional, '-' => excluded, _ => required };
            position += target == required ? 0 : 1;
            string term;
            if (position < text.Length && text[position] == '"')
            {
                var end = text.IndexOf('"', position + 1);
                term = end < 0 ? throw Invalid("a quoted term is not closed") : text[(position + 1)..end];
                position = end + 1;
            }
            else
            {
                var end = position;
                while (end < text.Length && !char.IsWhiteSpace(text[end]))
                {
                    end++;
                }

                term = text[position..end];
                position = end;
            }

            target.Add(term);
        }

        return new FilterPattern(message =>
            required.All(t => message.Contains(t, StringComparison.Ordinal))
            && !excluded.Any(t => message.Contains(t, StringComparison.Ordinal))
            && (optional.Count == 0 || optional.Any(t => message.Contains(t, StringComparison.Ordinal))));
    }

    /// <summary>The JSON pattern's expression: a small recursive-descent parser over its tokens, giving a predicate on the parsed message.</summary>
    private sealed class JsonPattern
    {
        private readonly List<string> tokens;
        private int next;

        private JsonPattern(List<string> tokens) => this.tokens = tokens;

        public static Func<string, bool> Parse(string expression)
        {
            var parser = new JsonPattern(Tokenize(expression));
            var predicate = parser.Or();
            if (parser.next != parser.tokens.Count)
            {
                throw Invalid($"unexpected '{parser.tokens[parser.next]}'");
            }

            return message =>
            {
                try
                {
                    return JsonNode.Parse(message) is JsonObject root && predicate(root);
                }
                catch (JsonException)
                {
                    return false;
                }
            };
        }

        private string? Peek => next < tokens.Count ? tokens[next] : null;

        private string Take() => next < tokens.Count ? tokens[next++] : throw Invalid("the expression ends too early");

        private Func<JsonNode, bool> Or()
        {
            var left = And();
            while (Peek == "||")
            {
                next++;
                var (a, b) = (left, And());
                left = root => a(root) || b(root);
            }

            return left;
        }

        private Func<JsonNode, bool> And()
        {
            var left = Primary();
            while (Peek == "&&")
            {
                next++;
                var (a, b) = (left, Primary());
                left = root => a(root) && b(root);
            }

            return left;
        }

        private Func<JsonNode, bool> Primary()
        {
            if (Peek == "(")
            {
                next++;
                var inner = Or();
                return Take() == ")" ? inner : throw Invalid("a '(' is not closed");
            }

            var selector = Take();
            if (!selector.StartsWith("$.", StringComparison.Ordinal))
            {
                throw Invalid($"'{selector}' is not a selector such as $.field");
            }

            var path = ParsePath(selector);
            var op = Take();
            switch (op.ToUpperInvariant())
            {
                case "IS":
                    var literal = Take().ToUpperInvariant();
                    return literal switch
                    {
                        "NULL" => root => Select(root, path, out var node) && node is null,
                        "TRUE" or "FALSE" => root => Select(root, path, out var node) && node is JsonValue v && v.GetValueKind() == (literal == "TRUE" ? JsonValueKind.True : JsonValueKind.False),
                        _ => throw Invalid($"IS {literal}: expected NULL, TRUE or FALSE"),
                    };
                case "NOT":
                    return Take().Equals("EXISTS", StringComparison.OrdinalIgnoreCase) ? root => !Select(root, path, out _) : throw Invalid("NOT must be followed by EXISTS");
                case "=" or "!=" or "<" or ">" or "<=" or ">=":
                    return Comparison(path, op, Take());
                default:
                    throw Invalid($"'{op}' is not an operator");
            }
        }

        private static Func<JsonNode, bool> Comparison(List<object> path, string op, string value)
        {
            if (value.StartsWith('"'))
            {
                return op is "=" or "!="
                    ? Text(path, Wildcard(value[1..^1]), op == "=")
                    : throw Invalid($"{op} compares numbers, not the string {value}");
            }

            if (decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                return root => Select(root, path, out var node) && node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && Compare(v.GetValue<decimal>(), op, number);
            }

            return op is "=" or "!=" ? Text(path, Wildcard(value), op == "=") : throw Invalid($"{op} compares numbers, not '{value}'");
        }

        private static Func<JsonNode, bool> Text(List<object> path, Regex pattern, bool equal) =>
            root => Select(root, path, out var node) && node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False
                && pattern.IsMatch(v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()) == equal;

        private static Regex Wildcard(string text) =>
            new("^" + string.Join(".*", text.Split('*').Select(System.Text.RegularExpressions.Regex.Escape)) + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

        private static bool Compare(decimal field, string op, decimal value) => op switch
        {
            "=" => field == value,
            "!=" => field != value,
            "<" => field < value,
            ">" => field > value,
            "<=" => field <= value,
            _ => field >= value,
        };

        /// <summary>Follows <c>$.a.b[0]</c>: member names and array indexes; false when a step is missing.</summary>
        private static bool Select(JsonNode root, List<object> path, out JsonNode? node)
        {
            node = root;
            foreach (var step in path)
            {
                if (step is string member && node is JsonObject obj && obj.TryGetPropertyValue(member, out var child))
                {
                    node = child;
                }
                else if (step is int index && node is JsonArray array && index < array.Count)
                {
                    node = array[index];
                }
                else
                {
                    return false;
                }
            }

            return true;
        }

        private static List<object> ParsePath(string selector)
        {
            var path = new List<object>();
            foreach (var part in selector[2..].Split('.'))
            {
                var bracket = part.IndexOf('[', StringComparison.Ordinal);
                path.Add(bracket < 0 ? part : part[..bracket]);
                foreach (Match index in System.Text.RegularExpressions.Regex.Matches(part[(bracket < 0 ? part.Length : bracket)..], @"\[(\d+)\]"))
                {
                    path.Add(int.Parse(index.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return path.Any(step => step is "") ? throw Invalid($"'{selector}' has an empty member name") : path;
        }

        private static List<string> Tokenize(string expression)
        {
            var tokens = new List<string>();
            var position = 0;
            while (position < expression.Length)
            {
                var c = expression[position];
                if (char.IsWhiteSpace(c))
                {
                    position++;
                }
                else if (c is '(' or ')')
                {
                    tokens.Add(c.ToString());
                    position++;
                }
                else if (c == '"')
                {
                    var end = expression.IndexOf('"', position + 1);
                    tokens.Add(end < 0 ? throw Invalid("a quoted value is not closed") : expression[position..(end + 1)]);
                    position = end + 1;
                }
                else if (expression.AsSpan(position).StartsWith("&&") || expression.AsSpan(position).StartsWith("||")
                    || expression.AsSpan(position).StartsWith("!=") || expression.AsSpan(position).StartsWith("<=") || expression.AsSpan(position).StartsWith(">="))
                {
                    tokens.Add(expression.Substring(position, 2));
                    position += 2;
                }
                else if (c is '=' or '<' or '>')
                {
                    tokens.Add(c.ToString());
                    position++;
                }
                else
                {
                    var end = position;
                    while (end < expression.Length && !char.IsWhiteSpace(expression[end]) && expression[end] is not ('(' or ')' or '=' or '<' or '>' or '!' or '&' or '|'))
                    {
                        end++;
                    }

                    tokens.Add(end == position ? throw Invalid($"unexpected '{c}'") : expression[position..end]);
                    position = end;
                }
            }

            return tokens;
        }
    }
}
