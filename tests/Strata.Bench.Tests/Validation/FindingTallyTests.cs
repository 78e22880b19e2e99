using Strata.Bench.Measurement;
using Strata.Templates.Diagnostics;

namespace Strata.Bench.Tests.Validation;

public sealed class FindingTallyTests
{
    private static readonly PhaseTimes NoTime = new(0, 0, 0, 0, 0, 0);

    private static PipelineOutcome Outcome(params Diagnostic[] diagnostics) => new(NoTime, diagnostics, null, null);

    [Fact]
    public void ToCounts_SeveralTemplates_CountsBySeverityTemplateAndRule()
    {
        var tally = new FindingTally();
        tally.Add(Outcome(Diagnostic.Error("E3012", "wrong type"), Diagnostic.Error("E3012", "wrong type"), Diagnostic.Warning("W2001", "unused")));
        tally.Add(Outcome(Diagnostic.Info("I3010", "note")));
        tally.Add(Outcome(Diagnostic.Error("E0002", "rule failed")));
        tally.Add(new PipelineOutcome(NoTime, [], null, "InvalidOperationException: boom"));

        var counts = tally.ToCounts();

        Assert.Equal((3, 1, 1, 2, 1, 1), (counts.Errors, counts.Warnings, counts.Infos, counts.TemplatesWithErrors, counts.Crashes, counts.InternalErrors));
        Assert.Equal(["E3012", "E0002", "I3010", "W2001"], counts.ByRule.Keys);
        Assert.Equal(2, counts.ByRule["E3012"]);
    }

    [Fact]
    public void ToCounts_TopRules_MostFrequentFirstThenByName()
    {
        var tally = new FindingTally();
        tally.Add(Outcome(Diagnostic.Warning("W2", "x"), Diagnostic.Warning("W1", "x"), Diagnostic.Warning("W3", "x"), Diagnostic.Warning("W3", "x")));

        Assert.Equal(["W3", "W1"], tally.ToCounts(topRules: 2).ByRule.Keys);
    }
}
