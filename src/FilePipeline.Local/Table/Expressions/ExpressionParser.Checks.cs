using System.Text.Json.Nodes;

namespace FilePipeline.Local.Table.Expressions;

/// <summary>The checks DynamoDB makes on a parsed function or operator: argument counts, operand types, distinct operands.</summary>
internal sealed partial class ExpressionParser
{
    private void RequireArgumentCount<T>(string function, List<T> arguments, int count)
    {
        if (arguments.Count != count)
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"Incorrect number of operands for operator or function; operator or function: {function}, number of operands: {arguments.Count}");
        }
    }

    private DocumentPath RequirePath(string function, Operand operand) =>
        operand is PathOperand { Path: var path }
            ? path
            : throw DynamoDbErrors.InvalidExpression(kind, $"Operator or function requires a document path; operator or function: {function}");

    private string RequireTypeName(Operand operand)
    {
        if (operand is ValueOperand { Value: var value } && AttributeValues.TypeOf(value) == AttributeValues.String)
        {
            var type = AttributeValues.AsString(value);
            return AttributeValues.TypeNames.Contains(type)
                ? type
                : throw DynamoDbErrors.InvalidExpression(kind, $"Invalid attribute type name found; type: {type}, valid types: {{B,NULL,SS,BOOL,L,BS,N,NS,S,M}}");
        }

        RequireOperandTypes("attribute_type", operand, AttributeValues.String);
        throw DynamoDbErrors.InvalidExpression(kind, "Operator or function requires an attribute value; operator or function: attribute_type");
    }

    /// <summary>DynamoDB rejects comparing an attribute with itself (<c>a = a</c>, <c>a IN (b, a)</c>) as a likely mistake.</summary>
    private void RequireDistinctFirst(string function, Operand first, params Operand[] rest)
    {
        if (first is PathOperand { Path: var path } && rest.Any(operand => operand is PathOperand { Path: var other } && other.Equals(path)))
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"The first operand must be distinct from the remaining operands for this operator or function; operator: {function}, first operand: {path}");
        }
    }

    /// <summary>Ordering operators accept only strings, numbers and binaries; literal operands are checked up front.</summary>
    private void RequireOrderable(string function, params Operand[] operands)
    {
        foreach (var operand in operands)
        {
            RequireOperandTypes(function, operand, AttributeValues.String, AttributeValues.Number, AttributeValues.Binary);
        }
    }

    private void RequireOperandTypes(string function, Operand operand, params string[] types)
    {
        if (operand is ValueOperand { Value: var value } && !types.Contains(AttributeValues.TypeOf(value)))
        {
            throw DynamoDbErrors.InvalidExpression(kind, $"Incorrect operand type for operator or function; operator or function: {function}, operand type: {AttributeValues.TypeOf(value)}");
        }
    }

    private static string Describe(JsonObject value) => $"{{{AttributeValues.TypeOf(value)}:{value.First().Value}}}";
}
