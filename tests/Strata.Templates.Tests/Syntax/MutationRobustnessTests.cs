using Strata.Templates.Syntax;
using Strata.Templates.Tests.Support;

namespace Strata.Templates.Tests.Syntax;

/// <summary>
/// Truncates and corrupts real templates at many points: the parser must always answer with a document
/// or a diagnostic, never an exception.
/// </summary>
public class MutationRobustnessTests
{
    [Fact]
    public void Parse_TruncatedAndCorruptedCorpusTemplates_NeverThrows()
    {
        var files = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Corpus, "aws-cloudformation-templates"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Take(60)
            .ToList();
        Assert.NotEmpty(files);
        var random = new Random(20261121);
        var mutations = 0;
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            for (var i = 0; i < 20; i++)
            {
                var cut = random.Next(1, bytes.Length);
                var mutated = bytes[..cut];
                if (i % 2 == 1)
                {
                    mutated = (byte[])bytes.Clone();
                    mutated[cut] = "{}[]:,'\"!&*|>-#\t"u8[random.Next(16)];
                }

                var doc = TemplateParser.Parse(mutated, Path.GetFileName(file));
                Assert.True(doc.Root is not null || doc.Diagnostics.Count > 0, $"{file} mutation {i}: no root and no diagnostic");
                mutations++;
            }
        }

        Assert.Equal(files.Count * 20, mutations);
    }
}
