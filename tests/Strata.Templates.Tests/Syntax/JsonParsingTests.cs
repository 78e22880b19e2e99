using Strata.Templates.Syntax;

namespace Strata.Templates.Tests.Syntax;

public class JsonParsingTests
{
    [Fact]
    public void ParseText_Json_KeepsTypesAndNumberText()
    {
        var doc = TemplateParser.ParseText("""{"A": "x", "B": 0.10, "C": true, "D": null, "E": [1]}""", "t.json");
        Assert.Empty(doc.Diagnostics);
        Assert.Equal(TemplateFormat.Json, doc.Format);
        var root = Assert.IsType<MappingNode>(doc.Root);
        Assert.Equal(ScalarType.String, ((ScalarNode)root["A"]!).Type);
        Assert.Equal("0.10", ((ScalarNode)root["B"]!).Text);
        Assert.Equal(ScalarType.Boolean, ((ScalarNode)root["C"]!).Type);
        Assert.True(((ScalarNode)root["D"]!).IsNull);
        Assert.Single(((SequenceNode)root["E"]!).Items);
    }

    [Fact]
    public void ParseText_JsonPositions_CountCharactersNotBytes()
    {
        var doc = TemplateParser.ParseText("{\n  \"é\": \"ü\",\n  \"B\": 1\n}", "t.json");
        var root = Assert.IsType<MappingNode>(doc.Root);
        Assert.Equal(new SourceLocation(2, 8), root["é"]!.Location);
        Assert.Equal(new SourceLocation(3, 3), root.GetEntry("B")!.KeyLocation);
    }

    [Fact]
    public void ParseText_JsonDuplicateKey_Reported()
    {
        var doc = TemplateParser.ParseText("{\"A\": 1,\n \"A\": 2}", "t.json");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Contains("Duplicate key 'A'", d.Message);
        Assert.Equal(2, d.Location.Line);
    }

    [Fact]
    public void ParseText_MalformedJson_ReportsLineAndColumn()
    {
        var doc = TemplateParser.ParseText("{\n  \"A\": 1,\n  \"B\" 2\n}", "t.json");
        var d = Assert.Single(doc.Diagnostics);
        Assert.StartsWith("Invalid JSON", d.Message);
        Assert.Equal(3, d.Location.Line);
        Assert.DoesNotContain("LineNumber", d.Message);
    }

    [Fact]
    public void ParseText_JsonNestedTenThousandLevels_ReportsDepth()
    {
        var doc = TemplateParser.ParseText(new string('[', 10_000) + new string(']', 10_000), "deep.json");
        Assert.Contains("deeper than", Assert.Single(doc.Diagnostics).Message);
        Assert.Null(doc.Root);
    }

    [Fact]
    public void ParseText_JsonWithYamlExtension_ReadAsYaml()
    {
        var doc = TemplateParser.ParseText("{\"A\": !Ref B}", "t.yaml");
        Assert.Equal(TemplateFormat.Yaml, doc.Format);
        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void Parse_Utf8Bom_IsIgnored()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat("{\"A\": 1}"u8.ToArray()).ToArray();
        var doc = TemplateParser.Parse(bytes, "t.json");
        Assert.Empty(doc.Diagnostics);
    }
}

public class LineMapTests
{
    [Fact]
    public void At_OutOfOrderOffsetsOnOneLine_SameAsFreshLookup()
    {
        var text = System.Text.Encoding.UTF8.GetBytes("{\"é\": [1, \"ü\", 3]}\n{\"b\": 2}");
        var incremental = new LineMap(text);
        var offsets = new[] { 0, 5, 9, 16, 2, 20, 22, 12 };
        foreach (var offset in offsets)
        {
            Assert.Equal(new LineMap(text).At(offset), incremental.At(offset));
        }
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public void At_RandomTextAndOffsets_SameAsCountingFromTheStart(int seed, bool increasing)
    {
        var random = new Random(seed);
        var pieces = new[] { "a", "{", " ", "\n", "\n\n", "é", "ü", "€", "😀", "\"k\":", "123" };
        var text = string.Concat(Enumerable.Range(0, 3000).Select(_ => pieces[random.Next(pieces.Length)]));
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        // Offsets at character boundaries, as a reader's token starts are.
        var boundaries = new List<int>();
        for (int i = 0, offset = 0; i < text.Length; i++)
        {
            if (!char.IsLowSurrogate(text[i]))
            {
                boundaries.Add(offset);
            }
            offset += char.IsHighSurrogate(text[i]) ? 4 : System.Text.Encoding.UTF8.GetByteCount(text[i].ToString());
            i += char.IsHighSurrogate(text[i]) ? 1 : 0;
        }
        var offsets = increasing
            ? boundaries.Where(_ => random.Next(4) == 0).ToList()
            : Enumerable.Range(0, 500).Select(_ => boundaries[random.Next(boundaries.Count)]).ToList();

        var map = new LineMap(bytes);
        foreach (var offset in offsets)
        {
            var before = System.Text.Encoding.UTF8.GetString(bytes, 0, offset);
            var lineStart = before.LastIndexOf('\n') + 1;
            var expected = new SourceLocation(before.Count(c => c == '\n') + 1, before.Length - lineStart + 1);
            Assert.Equal(expected, map.At(offset));
        }
    }
}
