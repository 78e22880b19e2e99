using Strata.Templates.Syntax;

namespace Strata.Templates.Tests.Syntax;

public class JsonWriterTests
{
    [Theory]
    [InlineData("0", true)]
    [InlineData("-1.5e3", true)]
    [InlineData("012", false)]
    [InlineData(".5", false)]
    [InlineData("+1", false)]
    [InlineData("0x1F", false)]
    [InlineData("1.", false)]
    public void IsJsonNumber_Grammar_MatchesJson(string text, bool expected) =>
        Assert.Equal(expected, TemplateJsonWriter.IsJsonNumber(text));

    [Fact]
    public void ToJson_YamlNumberNotValidJson_WrittenAsString()
    {
        var doc = TemplateParser.ParseText("A: 0x1F\nB: 7\n", "t.yaml");
        Assert.Equal("""{"A":"0x1F","B":7}""", TemplateJsonWriter.ToJson(doc.Root!, indented: false));
    }

    [Fact]
    public void ToJson_NonAscii_NotEscaped()
    {
        var doc = TemplateParser.ParseText("A: héllo <b>\n", "t.yaml");
        Assert.Equal("""{"A":"héllo <b>"}""", TemplateJsonWriter.ToJson(doc.Root!, indented: false));
    }
}
