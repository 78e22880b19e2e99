using Strata.Engine.Model;
using Strata.Providers.Aws.CloudFormation;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.CloudFormation;

public sealed class RecordStoreTests
{
    private static CloudFormationStackRecord Sample(string name) => new()
    {
        StackName = name,
        StackId = $"arn:aws:cloudformation:eu-west-1:123456789012:stack/{name}/9f8e7d6c-0000-4000-8000-000000000001",
        Region = "eu-west-1",
        Status = "ROLLBACK_COMPLETE",
        StatusReason = "The following resource(s) failed to create: [Web].",
        RootCause = new RootCause("Web", "AWS::EC2::Instance", "InvalidAMIID.NotFound", "The image id '[ami-1]' does not exist"),
        CreatedAt = new DateTimeOffset(2025, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2025, 1, 2, 3, 9, 0, TimeSpan.Zero),
        TimeToLive = TimeSpan.FromDays(7),
        ExpiresAt = new DateTimeOffset(2025, 1, 9, 3, 4, 5, 678, TimeSpan.Zero),
        LastEventId = "Web-CREATE_FAILED-2025-01-02T03:08:00.000Z",
        EventCount = 12,
        TemplateUrl = "https://strata-templates-123456789012-eu-west-1.s3.eu-west-1.amazonaws.com/web/abc.template",
        LastChangeSetId = "arn:aws:cloudformation:eu-west-1:123456789012:changeSet/strata-1/1",
        Tags = new Dictionary<string, string> { ["strata:stack"] = name, ["strata:tenant"] = "acme" },
    };

    [Fact]
    public async Task SaveAsync_ThenGetAndList_RoundTripsEveryField()
    {
        using var data = new TempDirectory();
        var store = new CloudFormationRecordStore(data.Path);
        var record = Sample("web");

        await store.SaveAsync(record, CancellationToken.None);
        await store.SaveAsync(Sample("db") with { Status = "DELETE_COMPLETE", RootCause = null }, CancellationToken.None);
        var read = await store.GetAsync("web", CancellationToken.None);
        var all = await store.ListAsync(CancellationToken.None);

        Assert.NotNull(read);
        Assert.Equal(record with { Tags = read.Tags }, read);
        Assert.Equal(record.Tags, read.Tags);
        Assert.Equal(["db", "web"], all.Select(r => r.StackName));
        Assert.True(all[0].IsDeleted);
        Assert.True(CloudFormationRecordStore.Tracks(data.Path, "web"));
        Assert.False(CloudFormationRecordStore.Tracks(data.Path, "other"));
        Assert.False(CloudFormationRecordStore.Tracks(data.Path, "../web"));
        Assert.Empty(Directory.GetFiles(store.Folder, "*.tmp"));
    }

    [Fact]
    public async Task GetAsync_DamagedFile_ErrorNamesTheFileAndTheMissingKey()
    {
        using var data = new TempDirectory();
        var store = new CloudFormationRecordStore(data.Path);
        Directory.CreateDirectory(store.Folder);
        await File.WriteAllTextAsync(store.PathOf("web"), """{"stackName":"web","region":"us-east-1"}""");

        var error = await Assert.ThrowsAsync<CloudFormationDeploymentException>(() => store.GetAsync("web", CancellationToken.None));

        Assert.Contains(store.PathOf("web"), error.Message);
        Assert.Contains("'stackId'", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("9lives")]
    [InlineData("web_server")]
    [InlineData("../etc/passwd")]
    public void PathOf_NameCloudFormationRejects_ClearErrorBeforeAnyCall(string name)
    {
        var error = Assert.Throws<CloudFormationDeploymentException>(() => new CloudFormationRecordStore("/tmp/x").PathOf(name));

        Assert.Contains($"'{name}'", error.Message);
        Assert.Contains("letters, digits and hyphens", error.Message);
    }
}
