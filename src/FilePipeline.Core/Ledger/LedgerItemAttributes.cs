using System.Text;
using System.Text.Json;

namespace FilePipeline.Core.Ledger;

/// <summary>
/// The ledger's attributes of one stored item, read in one pass over its DynamoDB JSON text without
/// building a node tree: listing the ledger reads every item. Attributes the ledger does not know are skipped.
/// </summary>
internal sealed class LedgerItemAttributes
{
    /// <summary>The attribute names (architecture.md §2) in the order of <see cref="LedgerAttribute"/>: its member names in camel case.</summary>
    private static readonly string[] Names = [.. Enum.GetNames<LedgerAttribute>().Select(name => char.ToLowerInvariant(name[0]) + name[1..])];

    private static readonly byte[][] Utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];

    private readonly StoredValue[] values = new StoredValue[Names.Length];

    public StoredValue this[LedgerAttribute attribute] => values[(int)attribute];

    public static string NameOf(LedgerAttribute attribute) => Names[(int)attribute];

    /// <exception cref="FormatException">The text is not a JSON object of attribute values.</exception>
    public static LedgerItemAttributes Read(ReadOnlySpan<byte> utf8Item)
    {
        var attributes = new LedgerItemAttributes();
        var reader = new Utf8JsonReader(utf8Item);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new FormatException("A ledger item is not a JSON object.");
            }

            var expected = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var index = IndexOf(ref reader, expected);
                expected = index + 1;
                var value = ReadValue(ref reader);
                if (index >= 0)
                {
                    attributes.values[index] = value;
                }
            }
        }
        catch (JsonException e)
        {
            throw new FormatException($"A ledger item is not valid JSON: {e.Message}", e);
        }

        return attributes;
    }

    /// <summary>Tries <paramref name="expected"/> first: items are written with their attributes in one order, so the name is usually the next one.</summary>
    private static int IndexOf(ref Utf8JsonReader reader, int expected)
    {
        if (expected < Utf8Names.Length && reader.ValueTextEquals(Utf8Names[expected]))
        {
            return expected;
        }

        for (var index = 0; index < Utf8Names.Length; index++)
        {
            if (reader.ValueTextEquals(Utf8Names[index]))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>Reads an attribute value: <c>{"S": text}</c>, <c>{"N": text}</c>, one with <c>NULL</c>, or anything else (skipped).</summary>
    private static StoredValue ReadValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return StoredValue.Other;
        }

        var members = 0;
        var isNull = false;
        StoredValue typed = StoredValue.Other;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            members++;
            var type = reader.ValueTextEquals("S"u8) ? "S" : reader.ValueTextEquals("N"u8) ? "N" : null;
            var nullMember = reader.ValueTextEquals("NULL"u8);
            reader.Read();
            if (type is not null && reader.TokenType == JsonTokenType.String)
            {
                typed = new StoredValue(type, reader.GetString());
            }

            isNull |= nullMember && reader.TokenType != JsonTokenType.Null;
            reader.Skip();
        }

        return isNull ? StoredValue.Null : members == 1 ? typed : StoredValue.Other;
    }
}
