using FilePipeline.Core;
using FilePipeline.Core.Errors;

namespace FilePipeline.Core.Tests;

public class FileRefTests
{
    [Fact]
    public void FromS3_decodes_the_key_and_normalises_the_etag()
    {
        var file = FileRef.FromS3("uploads", "incoming/2026+report%2Bfinal.csv", "\"9B2CF535F27731C974343645A3985328\"", "v1");

        Assert.Equal(new FileRef("uploads", "incoming/2026 report+final.csv", "9b2cf535f27731c974343645a3985328", "v1"), file);
        Assert.Equal("uploads/incoming/2026 report+final.csv@9b2cf535f27731c974343645a3985328", file.FileId);
        Assert.Equal("2026 report+final.csv", file.FileName);
    }

    [Fact]
    public void FromS3_treats_an_empty_version_id_as_none()
    {
        Assert.Null(FileRef.FromS3("b", "k.csv", "abc", "").VersionId);
    }

    [Fact]
    public void FromS3_rejects_a_malformed_key_with_the_contract_exception()
    {
        Assert.Throws<InvalidObjectKeyException>(() => FileRef.FromS3("b", "bad%zzkey.csv", "abc", null));
    }

    [Theory]
    [InlineData("bucket", "data.csv", "abc123")]
    [InlineData("my.bucket-1", "deep/folder/with@at/file@2.csv", "d41d8cd98f00b204e9800998ecf8427e-3")]
    [InlineData("b", "ünïcödé/名前 with spaces.csv", "ff")]
    [InlineData("b", "/leading-slash.csv", "e")]
    public void A_file_id_parses_back_into_its_parts(string bucket, string key, string eTag)
    {
        var fileId = new FileRef(bucket, key, eTag).FileId;

        Assert.Equal((bucket, key, eTag), FileRef.ParseFileId(fileId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-slash@etag")]
    [InlineData("/key@etag")]
    [InlineData("bucket/key")]
    [InlineData("bucket/@etag")]
    [InlineData("bucket/key@")]
    public void ParseFileId_rejects_what_is_not_a_file_id(string fileId)
    {
        var error = Assert.ThrowsAny<FormatException>(() => FileRef.ParseFileId(fileId));
        Assert.Contains("{bucket}/{key}@{eTag}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileName_is_the_whole_key_without_folders()
    {
        Assert.Equal("a.csv", new FileRef("b", "a.csv", "e").FileName);
    }
}
