using Strata.Providers.Aws.Configuration;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.Configuration;

public sealed class SharedConfigFileTests
{
    [Fact]
    public void Parse_SectionsCommentsAndNestedSettings_ReadsEverySetting()
    {
        var sections = SharedConfigFile.Parse("""
            # a comment
            [default]
            region = eu-west-1
            ; another comment
            [profile dev]
            Region=us-east-2
            s3 =
              addressing_style = path
              max_concurrent_requests = 4
            output = json
            """, "/home/u/.aws/config");

        Assert.Equal(["default", "profile dev"], sections.Select(s => s.Name));
        Assert.Equal("eu-west-1", sections[0].Values["region"]);
        Assert.Equal("us-east-2", sections[1].Values["region"]);
        Assert.Equal("path", sections[1].Nested["s3"]["addressing_style"]);
        Assert.Equal("4", sections[1].Nested["s3"]["max_concurrent_requests"]);
        Assert.Equal("json", sections[1].Values["output"]);
        Assert.Equal(5, sections[1].Line);
    }

    [Fact]
    public void Parse_IndentedLineAfterAValue_ContinuesTheValue()
    {
        var sections = SharedConfigFile.Parse("[default]\nca_bundle = first\n  second\n", "f");

        Assert.Equal("first\nsecond", sections[0].Values["ca_bundle"]);
    }

    [Fact]
    public void Parse_SettingBeforeAnySection_ErrorNamesFileAndLine()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => SharedConfigFile.Parse("\nregion = x\n", "/home/u/.aws/config"));

        Assert.StartsWith("/home/u/.aws/config:2:", error.Message);
    }

    [Fact]
    public void Parse_MalformedLine_ErrorNamesLineAndSectionButNotTheLine()
    {
        const string secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY";
        var error = Assert.Throws<AwsConfigurationException>(() =>
            SharedConfigFile.Parse($"[dev]\naws_access_key_id = AKIDDEV\n{secret}\n", "/c/credentials"));

        Assert.Contains("/c/credentials:3", error.Message);
        Assert.Contains("[dev]", error.Message);
        Assert.DoesNotContain(secret, error.Message);
    }

    [Fact]
    public void Parse_EmptySectionHeader_IsAnError()
    {
        Assert.Throws<AwsConfigurationException>(() => SharedConfigFile.Parse("[ ]\n", "f"));
    }

    [Fact]
    public void Load_MissingFile_HasNoSections()
    {
        Assert.Empty(SharedConfigFile.Load("/nonexistent/strata/" + Guid.NewGuid()));
    }

    [Fact]
    public void Load_ExistingFile_ParsesIt()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("credentials", "[default]\naws_access_key_id = AKID\r\naws_secret_access_key = s\r\n");

        Assert.Equal("AKID", SharedConfigFile.Load(path).Single().Values["aws_access_key_id"]);
    }
}
