namespace FilePipeline.States.Definition;

/// <summary>StringMatches patterns: <c>*</c> matches any run of characters; <c>\*</c> and <c>\\</c> are literals.</summary>
internal static class Glob
{
    public static bool Matches(string text, string pattern)
    {
        var tokens = Tokenize(pattern);
        return Match(text, 0, tokens, 0);
    }

    // (char, isWildcard) pairs after resolving escapes.
    private static List<(char Char, bool Star)> Tokenize(string pattern)
    {
        var tokens = new List<(char, bool)>(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add((pattern[++i], false));
            }
            else
            {
                tokens.Add((pattern[i], pattern[i] == '*'));
            }
        }

        return tokens;
    }

    private static bool Match(string text, int t, List<(char Char, bool Star)> tokens, int p)
    {
        while (p < tokens.Count)
        {
            if (tokens[p].Star)
            {
                for (var k = t; k <= text.Length; k++)
                {
                    if (Match(text, k, tokens, p + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (t >= text.Length || text[t] != tokens[p].Char)
            {
                return false;
            }

            t++;
            p++;
        }

        return t == text.Length;
    }
}
