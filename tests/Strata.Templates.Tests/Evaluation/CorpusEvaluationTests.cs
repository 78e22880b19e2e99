using Strata.Templates.Evaluation;
using Strata.Templates.Functions;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Tests.Support;
using Strata.Templates.Values;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Evaluation;

public sealed class CorpusEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void PrepareAndResolve_EveryCorpusTemplateWithPlaceholderParameters_NeverThrows()
    {
        var root = Path.Combine(RepositoryPaths.Corpus, "aws-cloudformation-templates");
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Where(f => !f.EndsWith("PAIRS.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(files.Count > 250, $"expected the corpus templates, found {files.Count}");

        var resources = 0;
        var failures = new List<string>();
        foreach (var file in files)
        {
            try
            {
                var document = TemplateParser.ParseFile(file);
                if (document.Root is not MappingNode)
                {
                    continue;
                }

                var model = TemplateModel.Build(document);
                var values = model.Parameters.ToDictionary(p => p.Name, ParameterResolver.Placeholder, StringComparer.Ordinal);
                var prepared = TemplateEvaluator.Prepare(document, new EvaluationInputs { Parameters = values });
                _ = FunctionValidator.Validate(prepared.Template);
                foreach (var resource in prepared.Resources)
                {
                    var properties = prepared.ResolveProperties(resource.LogicalId);
                    Assert.True(properties.Value is MapValue or UnknownValue, $"{file}: {resource.LogicalId} properties are {properties.Value}");
                    _ = prepared.ResolveMetadata(resource.LogicalId);
                    resources++;
                }

                _ = prepared.ResolveOutputs();
                Assert.Equal(prepared.Resources.Count, prepared.Graph.CreationOrder.Count);
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                failures.Add($"{Path.GetRelativePath(root, file)}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}");
            }
        }

        output.WriteLine($"{files.Count} templates, {resources} resources resolved");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(resources > 1500, $"only {resources} resources were resolved");
    }
}
