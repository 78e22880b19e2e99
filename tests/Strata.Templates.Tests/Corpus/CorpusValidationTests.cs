using Strata.Templates.Diagnostics;
using Strata.Templates.Validation;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Corpus;

public class CorpusValidationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("aws-cloudformation-templates", 250)]
    [InlineData("cfn-lint-fixtures/templates", 130)]
    [InlineData("troposphere-examples-output", 80)]
    public void ValidateFile_EveryCorpusTemplate_CompletesWithoutAnExceptionOrInternalError(string folder, int atLeast)
    {
        var files = CorpusTemplates.Under(folder);
        Assert.True(files.Count >= atLeast, $"expected at least {atLeast} templates under {folder}, found {files.Count}");

        var failures = new List<string>();
        var bySeverity = new Dictionary<Severity, int>();
        var byRule = new Dictionary<string, int>(StringComparer.Ordinal);
        var invalid = 0;
        foreach (var file in files)
        {
            ValidationResult result;
            try
            {
                result = TemplateValidator.ValidateFile(file, new ValidationOptions());
            }
            catch (Exception ex)
            {
                failures.Add($"{CorpusTemplates.Relative(file)}: threw {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            invalid += result.IsValid ? 0 : 1;
            foreach (var d in result.Diagnostics)
            {
                bySeverity[d.Severity] = bySeverity.GetValueOrDefault(d.Severity) + 1;
                byRule[d.Rule] = byRule.GetValueOrDefault(d.Rule) + 1;
                if (d.Rule == ValidationRules.InternalError)
                {
                    failures.Add($"{CorpusTemplates.Relative(file)}: {d}");
                }
            }
        }

        output.WriteLine($"{files.Count} templates under {folder}: {invalid} with errors; findings by severity: " +
            string.Join(", ", bySeverity.OrderByDescending(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        output.WriteLine("findings by rule: " + string.Join(", ", byRule.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Select(p => $"{p.Key} {p.Value}")));
        Assert.True(failures.Count == 0, "validation failed unexpectedly:\n" + string.Join("\n", failures));
    }
}
