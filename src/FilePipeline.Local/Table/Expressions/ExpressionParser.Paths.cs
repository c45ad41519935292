using System.Globalization;

namespace FilePipeline.Local.Table.Expressions;

/// <summary>Document paths (names, placeholders, list indexes, map keys) and the rule that one expression's paths do not overlap.</summary>
internal sealed partial class ExpressionParser
{
    private DocumentPath ParsePath()
    {
        var elements = new List<PathElement> { new(ParsePathName(), 0) };
        while (true)
        {
            if (TryConsumeSymbol("."))
            {
                elements.Add(new PathElement(ParsePathName(), 0));
            }
            else if (TryConsumeSymbol("["))
            {
                if (Current.Kind != TokenKind.Integer || !int.TryParse(Current.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    throw SyntaxError();
                }

                position++;
                ExpectSymbol("]");
                elements.Add(new PathElement(null, index));
            }
            else
            {
                return new DocumentPath(elements);
            }
        }
    }

    private string ParsePathName()
    {
        var token = Current;
        if (token.Kind == TokenKind.NamePlaceholder)
        {
            position++;
            return attributes.ResolveName(token.Text, kind);
        }

        if (token.Kind != TokenKind.Name)
        {
            throw SyntaxError();
        }

        if (ReservedWords.Contains(token.Text))
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"Attribute name is a reserved keyword; reserved keyword: {token.Text}");
        }

        position++;
        return token.Text;
    }

    private void CheckDistinctPaths(List<DocumentPath> paths)
    {
        for (var i = 0; i < paths.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (paths[j].Overlaps(paths[i]))
                {
                    throw DynamoDbErrors.InvalidExpression(kind, $"Two document paths overlap with each other; must remove or rewrite one of these paths; path one: {paths[j]}, path two: {paths[i]}");
                }

                if (paths[j].ConflictsWith(paths[i]))
                {
                    throw DynamoDbErrors.InvalidExpression(kind, $"Two document paths conflict with each other; must remove or rewrite one of these paths; path one: {paths[j]}, path two: {paths[i]}");
                }
            }
        }
    }
}
