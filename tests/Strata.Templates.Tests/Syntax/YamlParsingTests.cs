using Strata.Templates.Syntax;

namespace Strata.Templates.Tests.Syntax;

public class YamlParsingTests
{
    private static MappingNode ParseRoot(string yaml)
    {
        var doc = TemplateParser.ParseText(yaml, "t.yaml");
        Assert.Empty(doc.Diagnostics);
        return Assert.IsType<MappingNode>(doc.Root);
    }

    [Fact]
    public void ParseText_ShortFormRef_BecomesLongFormMapping()
    {
        var root = ParseRoot("A: !Ref Bucket\n");
        var call = Assert.IsType<MappingNode>(root["A"]);
        Assert.Equal("!Ref", call.ShortFormTag);
        var entry = Assert.Single(call.Entries);
        Assert.Equal("Ref", entry.Key);
        Assert.Equal("Bucket", Assert.IsType<ScalarNode>(entry.Value).Text);
    }

    [Theory]
    [InlineData("!Sub", "Fn::Sub")]
    [InlineData("!GetAtt", "Fn::GetAtt")]
    [InlineData("!Base64", "Fn::Base64")]
    [InlineData("!ImportValue", "Fn::ImportValue")]
    [InlineData("!Condition", "Condition")]
    [InlineData("!Transform", "Fn::Transform")]
    [InlineData("!Length", "Fn::Length")]
    [InlineData("!ToJsonString", "Fn::ToJsonString")]
    public void ParseText_ScalarShortForm_MapsToFunctionName(string tag, string function)
    {
        var root = ParseRoot($"A: {tag} x.y\n");
        var call = Assert.IsType<MappingNode>(root["A"]);
        Assert.Equal(function, Assert.Single(call.Entries).Key);
    }

    [Theory]
    [InlineData("!Join", "Fn::Join")]
    [InlineData("!Select", "Fn::Select")]
    [InlineData("!Split", "Fn::Split")]
    [InlineData("!Equals", "Fn::Equals")]
    [InlineData("!If", "Fn::If")]
    [InlineData("!Not", "Fn::Not")]
    [InlineData("!Or", "Fn::Or")]
    [InlineData("!And", "Fn::And")]
    [InlineData("!FindInMap", "Fn::FindInMap")]
    [InlineData("!Cidr", "Fn::Cidr")]
    public void ParseText_SequenceShortForm_WrapsTheList(string tag, string function)
    {
        var root = ParseRoot($"A: {tag} [a, b, c]\n");
        var call = Assert.IsType<MappingNode>(root["A"]);
        var entry = Assert.Single(call.Entries);
        Assert.Equal(function, entry.Key);
        Assert.Equal(3, Assert.IsType<SequenceNode>(entry.Value).Count);
    }

    [Fact]
    public void ParseText_NestedShortForms_AllExpand()
    {
        var root = ParseRoot("A: !Join ['', [!Ref X, !GetAtt B.Arn, !Sub '${C}']]\n");
        Assert.Equal(
            """{"Fn::Join":["",[{"Ref":"X"},{"Fn::GetAtt":"B.Arn"},{"Fn::Sub":"${C}"}]]}""",
            TemplateJsonWriter.ToJson(root["A"]!, indented: false));
    }

    [Theory]
    [InlineData("A: !GetAZs\n")]
    [InlineData("A: !GetAZs ''\n")]
    public void ParseText_EmptyGetAZs_IsEmptyString(string yaml)
    {
        var root = ParseRoot(yaml);
        Assert.Equal("""{"Fn::GetAZs":""}""", TemplateJsonWriter.ToJson(root["A"]!, indented: false));
    }

    [Theory]
    [InlineData("Yes")]
    [InlineData("No")]
    [InlineData("On")]
    [InlineData("off")]
    public void ParseText_Yaml11Booleans_StayStrings(string text)
    {
        var scalar = Assert.IsType<ScalarNode>(ParseRoot($"A: {text}\n")["A"]);
        Assert.Equal(ScalarType.String, scalar.Type);
        Assert.Equal(text, scalar.Text);
        Assert.NotNull(scalar.AsBoolean());
    }

    [Fact]
    public void ParseText_QuotedYes_IsNotABoolean()
    {
        var scalar = Assert.IsType<ScalarNode>(ParseRoot("A: 'Yes'\n")["A"]);
        Assert.Null(scalar.AsBoolean());
    }

    [Theory]
    [InlineData("true", ScalarType.Boolean)]
    [InlineData("False", ScalarType.Boolean)]
    [InlineData("12", ScalarType.Number)]
    [InlineData("0.5", ScalarType.Number)]
    [InlineData("'12'", ScalarType.String)]
    [InlineData("~", ScalarType.Null)]
    [InlineData("2010-09-09", ScalarType.String)]
    [InlineData("t2.micro", ScalarType.String)]
    public void ParseText_PlainScalar_ResolvesCoreSchemaType(string text, ScalarType expected)
    {
        var scalar = Assert.IsType<ScalarNode>(ParseRoot($"A: {text}\n")["A"]);
        Assert.Equal(expected, scalar.Type);
    }

    [Fact]
    public void ParseText_Positions_AreOneBasedLineAndColumn()
    {
        var root = ParseRoot("Resources:\n  Web:\n    Type: AWS::EC2::Instance\n");
        var web = Assert.IsType<MappingNode>(Assert.IsType<MappingNode>(root["Resources"])["Web"]);
        var type = web["Type"]!;
        Assert.Equal(new SourceLocation(3, 11), type.Location);
        Assert.Equal(new SourceLocation(3, 5), web.GetEntry("Type")!.KeyLocation);
        Assert.Equal("Resources/Web/Type", type.Path);
    }

    [Fact]
    public void ParseText_DuplicateKey_ReportsBothLines()
    {
        var doc = TemplateParser.ParseText("A: 1\nB: 2\nA: 3\n", "t.yaml");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Equal("E0000", d.Rule);
        Assert.Contains("Duplicate key 'A'", d.Message);
        Assert.Contains("line 1", d.Message);
        Assert.Equal(3, d.Location.Line);
    }

    [Fact]
    public void ParseText_UnknownTag_ReportsTagAndLine()
    {
        var doc = TemplateParser.ParseText("A: 1\nB: !Rain::Embed file.txt\n", "t.yaml");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Contains("!Rain::Embed", d.Message);
        Assert.Equal(2, d.Location.Line);
        Assert.NotNull(doc.Root);
    }

    [Fact]
    public void ParseText_Alias_IsExpandedAsAnIndependentCopy()
    {
        var root = ParseRoot("A: &x {K: V}\nB: *x\n");
        var b = Assert.IsType<MappingNode>(root["B"]);
        Assert.Equal("B/K", b["K"]!.Path);
        Assert.Equal("A/K", Assert.IsType<MappingNode>(root["A"])["K"]!.Path);
    }

    [Fact]
    public void ParseText_BillionLaughs_RefusedWithinBudget()
    {
        var yaml = new System.Text.StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i < 10; i++)
        {
            var refs = string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 9));
            yaml.Append($"a{i}: &a{i} [{refs}]\n");
        }

        var doc = TemplateParser.ParseText(yaml.ToString(), "bomb.yaml");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Contains("alias", d.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Null(doc.Root);
    }

    [Fact]
    public void ParseText_NestedTenThousandLevels_ReportsDepthWithoutOverflow()
    {
        var yaml = new string('[', 10_000) + new string(']', 10_000);
        var doc = TemplateParser.ParseText("A: " + yaml, "deep.yaml");
        var d = Assert.Single(doc.Diagnostics);
        Assert.Contains("deeper than", d.Message);
        Assert.Null(doc.Root);
    }

    [Fact]
    public void ParseText_BlockNestingThousandLevels_ReportsDepth()
    {
        // Indented nesting grows quadratically in size; a thousand levels is already four times the limit.
        var yaml = new System.Text.StringBuilder();
        for (var i = 0; i < 1_000; i++)
        {
            yaml.Append(' ', i).Append("k:\n");
        }

        var doc = TemplateParser.ParseText(yaml.ToString(), "deep.yaml");
        Assert.Contains(doc.Diagnostics, d => d.Message.Contains("deeper than"));
        Assert.Null(doc.Root);
    }

    [Fact]
    public void ParseText_FlowMappingsTenThousandLevels_ReportsDepth()
    {
        var yaml = "A: " + string.Concat(Enumerable.Repeat("{k: ", 10_000)) + "v" + new string('}', 10_000);
        var doc = TemplateParser.ParseText(yaml, "deep.yaml");
        Assert.Contains("deeper than", Assert.Single(doc.Diagnostics).Message);
    }

    [Fact]
    public void ParseText_MalformedYaml_ReportsLine()
    {
        var doc = TemplateParser.ParseText("A:\n  B: [1, 2\nC: 3\n", "bad.yaml");
        var d = Assert.Single(doc.Diagnostics);
        Assert.True(d.Message.StartsWith("Invalid YAML", StringComparison.Ordinal), d.Message);
        Assert.True(d.Location.Line >= 2);
        Assert.Null(doc.Root);
    }

    [Fact]
    public void ParseText_TwoDocuments_Refused()
    {
        var doc = TemplateParser.ParseText("A: 1\n---\nB: 2\n", "two.yaml");
        Assert.Contains(doc.Diagnostics, d => d.Message.Contains("more than one YAML document"));
    }

    [Fact]
    public void ParseText_CommentsOnly_ReportsNoDocument()
    {
        var doc = TemplateParser.ParseText("# nothing here\n", "c.yaml");
        Assert.Contains("no YAML document", Assert.Single(doc.Diagnostics).Message);
    }
}
