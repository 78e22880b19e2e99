using System.Text.Json;
using Strata.Templates.Diagnostics;
using Strata.Templates.Validation;
using Xunit.Abstractions;

namespace Strata.Templates.Tests.Corpus;

/// <summary>
/// Strata against cfn-lint 1.51 (run here, in one process for all templates): on cfn-lint's own good fixtures,
/// Strata must not report an error under a rule id both implement where cfn-lint reports nothing under that
/// rule for the same template. Everything else — rules only one tool has, findings only cfn-lint makes — is
/// printed as an agreement table, not failed on.
/// </summary>
public class CfnLintAgreementTests(ITestOutputHelper output)
{
    /// <summary>
    /// cfn-lint reports a bad reference inside another function under the outer function's rule (a missing
    /// resource in a GetAtt inside Fn::Join is E1022), so among the intrinsic function rules any one of them
    /// reported by cfn-lint for a template counts as agreeing with Strata's.
    /// </summary>
    private static bool IsFunctionRule(string rule) =>
        rule.Length == 5 && rule.StartsWith("E10", StringComparison.Ordinal) && int.Parse(rule[1..]) is >= 1010 and <= 1041;

    [Fact]
    public void Validate_CfnLintGoodFixtures_ReportNoErrorCfnLintDoesNotReportForTheSameRule()
    {
        var executable = CfnLint.Executable();
        var files = CorpusTemplates.Under("cfn-lint-fixtures/templates/good");
        Assert.True(files.Count >= 90, $"expected cfn-lint's good fixtures, found {files.Count}");
        var shared = CfnLint.RuleIds(executable);
        shared.IntersectWith(ValidationRules.All.Select(r => r.Id));
        var cfnLint = CfnLint.Lint(executable, files)
            .GroupBy(f => f.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Rule).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);

        var table = new AgreementTable("cfn-lint");
        var disagreements = new List<string>();
        foreach (var file in files)
        {
            var theirs = cfnLint.GetValueOrDefault(Path.GetFullPath(file)) ?? [];
            var result = TemplateValidator.ValidateFile(file, new ValidationOptions());
            var ours = result.Diagnostics.Select(d => d.Rule).ToHashSet(StringComparer.Ordinal);
            foreach (var rule in ours.Union(theirs).Where(shared.Contains))
            {
                table.Add(rule, ours.Contains(rule), theirs.Contains(rule));
            }

            foreach (var error in result.Diagnostics.Where(d => d.Severity == Severity.Error && shared.Contains(d.Rule)))
            {
                var agrees = theirs.Contains(error.Rule) || (IsFunctionRule(error.Rule) && theirs.Any(IsFunctionRule));
                if (!agrees)
                {
                    disagreements.Add($"{CorpusTemplates.Relative(file)}:{error.Location} {error.Rule} {error.Message}");
                }
            }
        }

        output.WriteLine($"{files.Count} good fixtures; {shared.Count} rule ids implemented by both tools; templates per rule:");
        output.WriteLine(table.ToString());
        output.WriteLine(disagreements.Count == 0 ? "no Strata error without a cfn-lint finding of the same rule" : string.Join("\n", disagreements));
        Assert.True(disagreements.Count == 0,
            $"{disagreements.Count} Strata errors where cfn-lint reports nothing under the same rule:\n" + string.Join("\n", disagreements));
    }

    [Fact]
    public void Validate_FixturesWithExpectedResults_PrintsAgreementWithCfnLintsRecordedFindings()
    {
        var fixtures = CorpusTemplates.PathOf("cfn-lint-fixtures");
        using var map = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixtures, "RESULTS_MAP.json")));
        var table = new AgreementTable("expected");
        var compared = 0;
        var lines = new List<string>();
        foreach (var entry in map.RootElement.EnumerateArray())
        {
            var template = Path.Combine(fixtures, entry.GetProperty("template").GetString()!);
            var results = Path.Combine(fixtures, entry.GetProperty("result").GetString()!);
            if (!File.Exists(template) || !File.Exists(results))
            {
                continue; // a few entries name fixtures the corpus does not carry
            }

            using var expectedDocument = JsonDocument.Parse(File.ReadAllText(results));
            var expected = expectedDocument.RootElement.EnumerateArray()
                .Select(f => f.GetProperty("Rule").GetProperty("Id").GetString()!)
                .ToHashSet(StringComparer.Ordinal);
            var ours = TemplateValidator.ValidateFile(template, new ValidationOptions()).Diagnostics
                .Select(d => d.Rule)
                .ToHashSet(StringComparer.Ordinal);
            foreach (var rule in ours.Union(expected))
            {
                table.Add(rule, ours.Contains(rule), expected.Contains(rule));
            }

            compared++;
            lines.Add($"{entry.GetProperty("template").GetString()}: expected [{string.Join(", ", expected.Order())}], Strata [{string.Join(", ", ours.Order())}]");
        }

        output.WriteLine($"{compared} fixtures with recorded cfn-lint findings (RESULTS_MAP.json); templates per rule:");
        output.WriteLine(table.ToString());
        output.WriteLine(string.Join("\n", lines));
        Assert.True(compared >= 30, $"RESULTS_MAP.json gave only {compared} comparable fixtures");
        Assert.True(table.Rules > 0);
    }
}
