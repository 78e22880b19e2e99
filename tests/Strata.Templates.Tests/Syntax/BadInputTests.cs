using Strata.Templates.Syntax;

namespace Strata.Templates.Tests.Syntax;

public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("strata-bad-input-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ParseFile_Missing_IsUnreadableAndNamesTheFile()
    {
        var path = Path.Combine(_dir, "nope.yaml");
        var doc = TemplateParser.ParseFile(path);
        Assert.True(doc.IsUnreadable);
        Assert.Contains(path, Assert.Single(doc.Diagnostics).Message);
        Assert.Contains("does not exist", doc.Diagnostics[0].Message);
    }

    [Fact]
    public void ParseFile_Directory_IsUnreadable()
    {
        var doc = TemplateParser.ParseFile(_dir);
        Assert.True(doc.IsUnreadable);
        Assert.Contains("is a directory", Assert.Single(doc.Diagnostics).Message);
    }

    [Fact]
    public void ParseFile_Empty_ReportsEmpty()
    {
        var path = Path.Combine(_dir, "empty.yaml");
        File.WriteAllText(path, "  \n\n");
        var doc = TemplateParser.ParseFile(path);
        Assert.False(doc.IsUnreadable);
        Assert.Contains("is empty", Assert.Single(doc.Diagnostics).Message);
    }

    [Fact]
    public void ParseFile_Binary_ReportsBinary()
    {
        var path = Path.Combine(_dir, "a.bin");
        File.WriteAllBytes(path, [0x1f, 0x8b, 0x08, 0x00, 0xff, 0x00, 0x12]);
        var doc = TemplateParser.ParseFile(path);
        Assert.Contains("binary data", Assert.Single(doc.Diagnostics).Message);
        Assert.Null(doc.Root);
    }

    [Fact]
    public void ParseFile_TenMegabytes_RefusedWithoutReading()
    {
        var path = Path.Combine(_dir, "big.yaml");
        using (var f = File.Create(path))
        {
            f.SetLength(10 * 1024 * 1024);
        }

        var doc = TemplateParser.ParseFile(path);
        var d = Assert.Single(doc.Diagnostics);
        Assert.Contains("10 MiB", d.Message);
        Assert.Contains(path, d.Message);
    }

    [Fact]
    public void ParseText_JsonArrayDocument_ParsesToSequence()
    {
        // Not a template, but well-formed: the validator, not the parser, says why it is not a template.
        var doc = TemplateParser.ParseText("[1, 2]", "t.json");
        Assert.Empty(doc.Diagnostics);
        Assert.IsType<SequenceNode>(doc.Root);
    }
}
