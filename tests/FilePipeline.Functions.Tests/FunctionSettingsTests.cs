using FilePipeline.Functions.Settings;

namespace FilePipeline.Functions.Tests;

public class FunctionSettingsTests
{
    [Fact]
    public void Unset_variables_keep_the_defaults()
    {
        Assert.Equal(new FunctionSettings().Lease, FunctionSettings.FromEnvironment(_ => null).Lease);
        Assert.Equal(new FunctionSettings().UploadRules, FunctionSettings.FromEnvironment(_ => " ").UploadRules);
    }

    [Fact]
    public void Every_setting_is_read_from_its_variable()
    {
        var variables = new Dictionary<string, string>
        {
            [FunctionEnvironment.FilesTableName] = "ledger",
            [FunctionEnvironment.QueueUrl] = "https://sqs/q",
            [FunctionEnvironment.StateMachineArn] = "arn:sm",
            [FunctionEnvironment.LeaseSeconds] = "420",
            [FunctionEnvironment.MaxConcurrency] = "4",
            [FunctionEnvironment.AllowedSuffixes] = ".csv, .tsv",
            [FunctionEnvironment.MaxFileBytes] = "1000",
            [FunctionEnvironment.SniffBytes] = "64",
            [FunctionEnvironment.DeadlineMarginMs] = "1500",
        };

        var settings = FunctionSettings.FromEnvironment(variables.GetValueOrDefault);

        Assert.Equal("ledger", settings.FilesTableName);
        Assert.Equal("https://sqs/q", settings.QueueUrl);
        Assert.Equal("arn:sm", settings.StateMachineArn);
        Assert.Equal(TimeSpan.FromSeconds(420), settings.Lease);
        Assert.Equal(4, settings.MaxConcurrency);
        Assert.Equal([".csv", ".tsv"], settings.UploadRules.AllowedSuffixes);
        Assert.Equal(1000, settings.UploadRules.MaxSizeBytes);
        Assert.Equal(64, settings.UploadRules.SniffBytes);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.DeadlineMargin);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("ten")]
    [InlineData("3000000000")]
    public void An_invalid_number_fails_naming_the_variable(string value)
    {
        var error = Assert.Throws<FormatException>(() => FunctionSettings.FromEnvironment(name => name == FunctionEnvironment.MaxConcurrency ? value : null));

        Assert.Contains(FunctionEnvironment.MaxConcurrency, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_retry_backoff_is_a_list_of_seconds_where_zero_means_at_once()
    {
        var settings = FunctionSettings.FromEnvironment(name => name == FunctionEnvironment.RetryBackoffSeconds ? "0, 45,43200" : null);

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(45), TimeSpan.FromHours(12)], settings.RetryBackoff);
    }

    [Theory]
    [InlineData("60,")]
    [InlineData("-1")]
    [InlineData("43201")]
    [InlineData("1.5")]
    public void A_retry_backoff_outside_what_SQS_accepts_fails_naming_the_variable(string value)
    {
        var error = Assert.Throws<FormatException>(() => FunctionSettings.FromEnvironment(name => name == FunctionEnvironment.RetryBackoffSeconds ? value : null));

        Assert.Contains(FunctionEnvironment.RetryBackoffSeconds, error.Message, StringComparison.Ordinal);
    }
}
