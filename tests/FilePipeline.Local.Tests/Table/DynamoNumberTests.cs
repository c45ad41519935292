using FilePipeline.Local.Table;

namespace FilePipeline.Local.Tests.Table;

public sealed class DynamoNumberTests
{
    [Theory]
    [InlineData("01.50", "1.5")]
    [InlineData("1E+3", "1000")]
    [InlineData("-0.000", "0")]
    [InlineData("+7", "7")]
    [InlineData(".25", "0.25")]
    [InlineData("12.5e-3", "0.0125")]
    [InlineData("99999999999999999999999999999999999999", "99999999999999999999999999999999999999")]
    public void Numbers_print_in_plain_notation_without_trailing_zeros(string input, string expected) =>
        Assert.Equal(expected, DynamoNumber.Parse(input).ToString());

    [Fact]
    public void Numbers_with_38_digits_compare_exactly_where_doubles_would_not()
    {
        var a = DynamoNumber.Parse("12345678901234567890123456789012345678");
        var b = DynamoNumber.Parse("12345678901234567890123456789012345679");
        Assert.True(a < b);
        Assert.Equal(0, DynamoNumber.Parse("10").CompareTo(DynamoNumber.Parse("1E1")));
        Assert.True(DynamoNumber.Parse("9") < DynamoNumber.Parse("10"));
        Assert.True(DynamoNumber.Parse("-2") < DynamoNumber.Parse("-1.5"));
    }

    [Fact]
    public void Addition_is_decimal_exact()
    {
        Assert.Equal("0.3", (DynamoNumber.Parse("0.1") + DynamoNumber.Parse("0.2")).ToString());
        Assert.Equal("-1", (DynamoNumber.Parse("1") - DynamoNumber.Parse("2")).ToString());
    }

    [Theory]
    [InlineData("123456789012345678901234567890123456789", "38 significant digits")]
    [InlineData("1e126", "Number overflow")]
    [InlineData("1e-131", "Number underflow")]
    [InlineData("abc", "cannot be converted into a number")]
    [InlineData("1e", "cannot be converted into a number")]
    [InlineData("", "cannot be converted into a number")]
    public void Invalid_numbers_are_a_validation_error(string input, string message)
    {
        var error = Assert.Throws<DynamoDbException>(() => DynamoNumber.Parse(input));
        Assert.Equal("ValidationException", error.ErrorName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
