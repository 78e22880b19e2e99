using Strata.Templates.Syntax;

namespace Strata.Templates.Tests.Syntax;

/// <summary>
/// The direct YAML reader must read every text it accepts exactly as YamlDotNet does (tree, positions,
/// styles, tags, findings), and must accept the YAML templates are commonly written in.
/// </summary>
public class DirectYamlReaderTests
{
    [Fact]
    public void TryRead_CorpusYaml_AgreesWithYamlDotNetAndReadsMostFiles()
    {
        var files = YamlReaderAgreement.CorpusFiles();
        Assert.True(files.Count > 200, $"only {files.Count} YAML files in the corpus");
        var accepted = 0;
        var declined = new List<string>();
        foreach (var file in files)
        {
            var text = YamlReaderAgreement.ReadText(file);
            var direct = YamlReaderAgreement.Direct(text);
            if (direct is null)
            {
                declined.Add(Path.GetFileName(file));
                continue;
            }

            accepted++;
            Assert.True(YamlReaderAgreement.General(text) == direct, $"{file}: the readers disagree");
        }

        // The fast path is only worth having if real templates take it.
        Assert.True(accepted >= files.Count * 9 / 10, $"accepted {accepted} of {files.Count}; declined: {string.Join(", ", declined)}");
    }

    [Fact]
    public void TryRead_MutatedCorpusYaml_NeverAcceptsWhatYamlDotNetReadsDifferently()
    {
        const string Inserts = " \n:-#'\"![]{},|>&*?%@\t\\.0aZ";
        var random = new Random(20261122);
        var files = YamlReaderAgreement.CorpusFiles();
        var compared = 0;
        foreach (var file in files.Where((_, i) => i % 2 == 0))
        {
            var original = YamlReaderAgreement.ReadText(file);
            for (var i = 0; i < 12 && original.Length > 1; i++)
            {
                var at = random.Next(original.Length);
                var mutated = (i % 4) switch
                {
                    0 => original.Insert(at, Inserts[random.Next(Inserts.Length)].ToString()),
                    1 => original.Remove(at, 1),
                    2 => original.Remove(at, 1).Insert(at, Inserts[random.Next(Inserts.Length)].ToString()),
                    _ => original.Insert(original.LastIndexOf('\n', at) + 1, new string(' ', random.Next(1, 4))),
                };
                var direct = YamlReaderAgreement.Direct(mutated);
                if (direct is null)
                {
                    continue;
                }

                compared++;
                var general = YamlReaderAgreement.General(mutated);
                Assert.True(general == direct, $"{file}, mutation {i} at {at}: the readers disagree\n--- YamlDotNet\n{Excerpt(general, direct)}");
            }
        }

        Assert.True(compared > 500, $"only {compared} mutated texts were accepted; the comparison says little");
    }

    [Fact]
    public void TryRead_GeneratedDocuments_AgreesWithYamlDotNetAndReadsMost()
    {
        var generator = new YamlDocumentGenerator(20261122);
        var (valid, accepted) = (0, 0);
        for (var i = 0; i < 3000; i++)
        {
            var yaml = generator.Next();
            var general = YamlReaderAgreement.General(yaml);
            valid += general.StartsWith("! E0000", StringComparison.Ordinal) ? 0 : 1;
            if (YamlReaderAgreement.Direct(yaml) is not { } direct)
            {
                continue;
            }

            accepted++;
            Assert.True(general == direct, $"document {i} read differently\n{yaml}\n--- YamlDotNet\n{Excerpt(general, direct)}");
        }

        Assert.True(accepted >= valid * 8 / 10, $"accepted {accepted} of {valid} valid documents");
    }

    public static TheoryData<string> Supported => new()
    {
        "A: 1\nB: two words\nC: 'single ''quoted'''\nD: \"double \\\"\\t\\u00e9\\x41\\\\\"\n",
        "---\n# comment\nA: x # trailing\n\nB:   y\n",
        "A:\n  B:\n    C: 1\n  D: [1, 2, '3', \"4\"]\nE: {K: V, L: [a, b], M: {N: O}}\n",
        "L:\n- a\n- b\nM:\n  - c\n  -\n  - d: 1\n    e: 2\n",
        "A: !Ref X\nB: !GetAtt R.Arn\nC: !Join\n  - ','\n  - [!Ref A, !Ref B]\nD: !If [Cond, !Ref A, !Ref 'AWS::NoValue']\n",
        "S: !Sub |\n  #!/bin/bash\n  echo ${AWS::Region}\n\n  exit 0\nT: x\n",
        "A: |-\n  keep\n    more\n  end\nB: |+\n  kept\n\nC: >\n  folded\n  lines\n\n  para\n    indented\n  back\nD: >-\n  x\n",
        "A: a plain\n  scalar over\n\n  three lines\nB: x\n",
        "A:\nB: !GetAZs\nC: !GetAZs ''\nD: ~\nE:\n",
        "A: [a,\n   b, c,\n   !Ref d]\nB: {K: 1,\n    L: 2}\n",
        "A: 1\r\nB:\r\n  - x\r\n  - y\r\nC: |\r\n  line\r\n",
        "Resources:\n  Web:\n    Type: AWS::EC2::Instance\n    Properties:\n      Tags:\n      - Key: Name\n        Value: web\n",
        "\"Quoted key\": 1\n'Other key' : 2\nkey with spaces: 3\nurl: http://example.com/a#b\n",
        "A: -1\nB: .5\nC: 0x1F\nD: true\nE: Yes\nF: null\nG: 2010-09-09\n",
        "A:\n  !Sub 'x'\nB: !Base64\n  Fn::Sub: y\nC: !If\n- c\n- a\n- b\n",
        "{\"A\": 1, \"B\": [true, null], \"C\": {\"D\": \"e\"}}\n",
        "A: x\nB: \"dup\"\nA: y\n",
        "A: !Custom value\n",
        "A: é ü 漢字\nB: \"é\"\n",
        "A: 'two\n  lines,\n\n  and a paragraph'\nB: \"x  \n   y\"\nC:\n- 'folded\n  item'\n",
        "J: !Join\n  - ''\n  - - a\n    - !Ref b\n    - - c\n",
        "A:\n  !If\n  - c\n  - x\nB: !Rain::Embed f.txt\n",
        "J: !Join\n  - ''\n  - - arn:aws\n    - :iot\nV6: ::1/128\n",
        "A: # a comment where the value would be\n  B: 1\n'C':  # another\n  - x\n",
    };

    [Theory]
    [MemberData(nameof(Supported))]
    public void TryRead_CommonTemplateYaml_AcceptsAndAgrees(string yaml)
    {
        var direct = YamlReaderAgreement.Direct(yaml);
        Assert.NotNull(direct);
        Assert.Equal(YamlReaderAgreement.General(yaml), direct);
    }

    [Theory]
    [InlineData("A: &x 1\nB: *x\n")]
    [InlineData("A: \"closed at\n\"\n")]
    [InlineData("A:\n\t- x\n")]
    [InlineData("A: a: b\n")]
    [InlineData("A: !!str 1\n")]
    [InlineData("? A\n: 1\n")]
    [InlineData("%YAML 1.2\n---\nA: 1\n")]
    [InlineData("A: 1\n---\nB: 2\n")]
    [InlineData("A: [1, 2\nB: 3\n")]
    [InlineData("A: |2\n   x\n")]
    [InlineData("A: 1\n  B: 2\n")]
    [InlineData("A: [a]\n\"B\": :x\n")]
    [InlineData("A: [x, b: c]\n")]
    public void TryRead_OutsideTheSubset_DeclinesAndTheParserStillReadsIt(string yaml)
    {
        Assert.Null(YamlReaderAgreement.Direct(yaml));
        var document = TemplateParser.ParseText(yaml, "t.yaml");
        Assert.True(document.Root is not null || document.Diagnostics.Count > 0);
    }

    private static string Excerpt(string general, string direct)
    {
        var a = general.Split('\n');
        var b = direct.Split('\n');
        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        var from = Math.Max(0, i - 3);
        return string.Join('\n', a.Skip(from).Take(8)) + "\n--- direct\n" + string.Join('\n', b.Skip(from).Take(8));
    }
}
