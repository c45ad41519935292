using System.Text;
using FilePipeline.Core.Uploads;

namespace FilePipeline.Core.Tests.Uploads;

public class UploadRulesTests
{
    private static readonly UploadRules Rules = UploadRules.Default;

    [Theory]
    [InlineData("data.csv")]
    [InlineData("folder/DATA.CSV")]
    [InlineData("x.Csv")]
    public void A_csv_of_acceptable_size_passes(string key)
    {
        Assert.Null(Rules.CheckObject(key, 10));
    }

    [Theory]
    [InlineData("report.xlsx", 10, UploadRejectionCodes.UnsupportedSuffix)]
    [InlineData("report.csv.gz", 10, UploadRejectionCodes.UnsupportedSuffix)]
    [InlineData("csv", 10, UploadRejectionCodes.UnsupportedSuffix)]
    [InlineData("empty.csv", 0, UploadRejectionCodes.Empty)]
    [InlineData("folder/", 0, UploadRejectionCodes.FolderMarker)]
    [InlineData("folder.csv/", 0, UploadRejectionCodes.FolderMarker)]
    [InlineData("huge.csv", (1L << 30) + 1, UploadRejectionCodes.TooLarge)]
    public void CheckObject_rejects_with_a_stable_code(string key, long size, string code)
    {
        var rejection = Rules.CheckObject(key, size);

        Assert.NotNull(rejection);
        Assert.Equal(code, rejection.Code);
        Assert.EndsWith(".", rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_maximum_size_itself_is_allowed()
    {
        Assert.Null(Rules.CheckObject("a.csv", 1L << 30));
        Assert.Equal(UploadRejectionCodes.TooLarge, (Rules with { MaxSizeBytes = 5 }).CheckObject("a.csv", 6)?.Code);
    }

    [Fact]
    public void Keys_are_limited_to_1024_utf8_bytes_not_characters()
    {
        var fits = new string('é', 510) + ".csv"; // 1020 + 4 bytes
        var tooLong = new string('é', 511) + ".csv"; // 1022 + 4 bytes

        Assert.Null(Rules.CheckObject(fits, 1));
        var rejection = Rules.CheckObject(tooLong, 1);
        Assert.Equal(UploadRejectionCodes.KeyTooLong, rejection?.Code);
        Assert.Contains("1026", rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Allowed_suffixes_are_configurable_and_named_in_the_reason()
    {
        var rules = Rules with { AllowedSuffixes = [".csv", ".tsv"] };

        Assert.Null(rules.CheckObject("a.TSV", 1));
        var rejection = rules.CheckObject("a.txt", 1);
        Assert.Equal(UploadRejectionCodes.UnsupportedSuffix, rejection?.Code);
        Assert.Contains(".csv or .tsv", rejection!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,name\n1,Zoë\n")]
    [InlineData("\uFEFFid,name\n")]
    [InlineData("")]
    public void Text_prefixes_pass(string text)
    {
        Assert.Null(Rules.CheckPrefix(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void A_byte_order_mark_is_allowed()
    {
        Assert.Null(Rules.CheckPrefix([0xEF, 0xBB, 0xBF, (byte)'a']));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_prefix_cut_inside_a_character_is_not_invalid(int keep)
    {
        var bytes = Encoding.UTF8.GetBytes("id,emoji\n1,😀");
        Assert.Null(Rules.CheckPrefix(bytes.AsSpan(0, bytes.Length - 4 + keep)));
    }

    [Fact]
    public void A_nul_byte_means_binary()
    {
        var rejection = Rules.CheckPrefix([(byte)'P', (byte)'K', 3, 4, 0, 0]);

        Assert.Equal(UploadRejectionCodes.Binary, rejection?.Code);
        Assert.Contains("offset 4", rejection!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'a', 0xFF, (byte)'b' }, 1)]
    [InlineData(new byte[] { (byte)'a', (byte)'b', 0xC3, 0x28 }, 2)]
    [InlineData(new byte[] { 0xE9, (byte)'t', (byte)'e' }, 0)] // Latin-1 "été"
    [InlineData(new byte[] { (byte)'x', 0xF8 }, 1)]
    public void Bytes_that_are_not_utf8_are_rejected_with_their_offset(byte[] prefix, int offset)
    {
        var rejection = Rules.CheckPrefix(prefix);

        Assert.Equal(UploadRejectionCodes.NotUtf8, rejection?.Code);
        Assert.Contains($"offset {offset}", rejection!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_sniffed_bytes_are_examined()
    {
        var prefix = new byte[] { (byte)'a', (byte)'b', 0 };

        Assert.Null((Rules with { SniffBytes = 2 }).CheckPrefix(prefix));
        Assert.NotNull((Rules with { SniffBytes = 3 }).CheckPrefix(prefix));
    }
}
