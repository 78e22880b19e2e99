using Strata.Providers.Sandbox.Settings;

namespace Strata.Providers.Sandbox.Tests;

public sealed class SettingsTests
{
    private const string FilePath = "/data/sandbox.json";

    [Fact]
    public void Parse_AllKeys_ReadsEveryValue()
    {
        var settings = SandboxSettingsLoader.Parse("""
            {
              // comments and trailing commas are fine
              "Speed": 250,
              "seed": 9,
              "Region": "eu-west-1",
              "AccountId": "210987654321",
              "Throttle": { "RequestsPerSecond": 20, "Types": { "AWS::EC2::Instance": 2 } },
              "Quotas": { "AWS::EC2::VPC": 10 },
              "Faults": { "AWS::RDS::DBInstance": { "CreateSeconds": 3 } },
            }
            """, FilePath);

        Assert.Equal(250, settings.Speed);
        Assert.Equal(9, settings.Seed);
        Assert.Equal("eu-west-1", settings.Region);
        Assert.Equal("210987654321", settings.AccountId);
        Assert.Equal(20, settings.Throttle.RequestsPerSecond);
        Assert.Equal(2, settings.Throttle.Types["AWS::EC2::Instance"]);
        Assert.Equal(10, settings.Quotas["AWS::EC2::VPC"]);
        Assert.True(settings.Faults.ContainsKey("AWS::RDS::DBInstance"));
    }

    [Fact]
    public void Parse_EmptyObject_GivesDefaults()
    {
        var settings = SandboxSettingsLoader.Parse("{}", FilePath);

        Assert.Equal(1, settings.Speed);
        Assert.Null(settings.Seed);
        Assert.Equal("us-east-1", settings.Region);
        Assert.Equal("123456789012", settings.AccountId);
        Assert.False(settings.Throttle.IsEnabled);
    }

    [Theory]
    [InlineData("""{ "Speed": 0 }""", "'Speed' must be a positive number")]
    [InlineData("""{ "Speed": "fast" }""", "'Speed' must be a positive number (got \"fast\")")]
    [InlineData("""{ "Seed": 1.5 }""", "'Seed' must be a whole number")]
    [InlineData("""{ "Region": "Mars" }""", "'Region' must be a region name")]
    [InlineData("""{ "AccountId": "12345" }""", "'AccountId' must be a 12-digit account id")]
    [InlineData("""{ "Sped": 3 }""", "'Sped' is not a setting")]
    [InlineData("""{ "Throttle": { "RequestsPerSecond": -1 } }""", "'Throttle.RequestsPerSecond' must be a positive number")]
    [InlineData("""{ "Throttle": { "Burst": 1 } }""", "'Throttle.Burst' is not a setting")]
    [InlineData("""{ "Throttle": { "Types": { "Instance": 1 } } }""", "'Throttle.Types.Instance' is not a resource type name")]
    [InlineData("""{ "Quotas": { "AWS::EC2::VPC": "lots" } }""", "'Quotas.AWS::EC2::VPC' must be a whole number")]
    [InlineData("""{ "Quotas": { "AWS::EC2::VPC": -2 } }""", "'Quotas.AWS::EC2::VPC' must be a whole number from 0")]
    [InlineData("""{ "Faults": { "AWS::S3::Bucket": { "Fail": "Nope" } } }""", "'Faults.AWS::S3::Bucket.Fail' must be a handler error code")]
    [InlineData("""{ "Faults": { "AWS::S3::Bucket": { "Explode": true } } }""", "'Faults.AWS::S3::Bucket.Explode' is not a sandbox fault rule")]
    [InlineData("""[1, 2]""", "must hold a JSON object")]
    public void Parse_BadValue_NamesFileAndKey(string json, string expected)
    {
        var error = Assert.Throws<SandboxSettingsException>(() => SandboxSettingsLoader.Parse(json, FilePath));

        Assert.StartsWith(FilePath + ":", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Parse_MalformedJson_NamesFileAndLine()
    {
        var error = Assert.Throws<SandboxSettingsException>(() => SandboxSettingsLoader.Parse("{\n  \"Speed\": 2,\n  \"Seed\": ,\n}", FilePath));

        Assert.StartsWith(FilePath + ": line 3:", error.Message);
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void Open_BadSettingsFileInDataDirectory_ThrowsNamingFileAndKey()
    {
        var directory = Path.Combine(Path.GetTempPath(), "strata-sandbox-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "sandbox.json"), """{ "Speed": -5 }""");

            var error = Assert.Throws<SandboxSettingsException>(() => SandboxCloud.Open(directory));

            Assert.Equal(Path.Combine(directory, "sandbox.json"), error.Path);
            Assert.Equal("Speed", error.Key);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Open_SettingsFileInDataDirectory_AppliesIt()
    {
        var directory = Path.Combine(Path.GetTempPath(), "strata-sandbox-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, "sandbox.json"), """{ "Speed": 50, "Seed": 77, "AccountId": "111122223333" }""");

            using var cloud = SandboxCloud.Open(directory);

            Assert.Equal(50, cloud.Settings.Speed);
            Assert.Equal(77, cloud.Seed);
            Assert.Equal("111122223333", cloud.Settings.AccountId);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Open_NoSeedConfigured_KeepsOneSeedPerDataDirectory()
    {
        using var test = new TestCloud(new SandboxSettings());
        using var second = test.Reopen();

        Assert.Equal(test.Cloud.Seed, second.Seed);
    }
}
