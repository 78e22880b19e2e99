using Strata.Engine.Native;

namespace Strata.Engine.Tests.Execution;

public sealed class TemplateLocatorTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "strata-locator-tests", Guid.NewGuid().ToString("N"));

    public TemplateLocatorTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "child"));
        File.WriteAllText(Path.Combine(_folder, "child", "net.yaml"), "Resources: {}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void TryLocate_RelativePath_ResolvesAgainstTheParentTemplatesFolder()
    {
        Assert.True(TemplateLocator.TryLocate("child/net.yaml", Path.Combine(_folder, "parent.yaml"), new Dictionary<string, string>(), out var path, out _));
        Assert.Equal(Path.Combine(_folder, "child", "net.yaml"), path);
    }

    [Fact]
    public void TryLocate_FileUrl_ReadsTheLocalFile()
    {
        var url = new Uri(Path.Combine(_folder, "child", "net.yaml")).AbsoluteUri;

        Assert.True(TemplateLocator.TryLocate(url, null, new Dictionary<string, string>(), out var path, out _));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void TryLocate_UnmappedS3Url_FailsExplainingHowToMapIt()
    {
        Assert.False(TemplateLocator.TryLocate("https://bucket.s3.amazonaws.com/net.yaml", null, new Dictionary<string, string>(), out _, out var error));
        Assert.Contains("STRATA_TEMPLATE_MAP", error);
    }

    [Fact]
    public void TryLocate_MappedS3Url_ReadsFromTheMappedFolder()
    {
        var mappings = new Dictionary<string, string> { ["s3://bucket/"] = Path.Combine(_folder, "child") };

        Assert.True(TemplateLocator.TryLocate("s3://bucket/net.yaml", null, mappings, out var path, out _));
        Assert.Equal(Path.Combine(_folder, "child", "net.yaml"), path);
    }

    [Fact]
    public void TryLocate_MissingFile_NamesIt()
    {
        Assert.False(TemplateLocator.TryLocate("nope.yaml", Path.Combine(_folder, "parent.yaml"), new Dictionary<string, string>(), out _, out var error));
        Assert.Contains("nope.yaml", error);
    }
}
