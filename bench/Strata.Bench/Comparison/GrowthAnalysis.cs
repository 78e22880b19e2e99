using Strata.Bench.Report;

namespace Strata.Bench.Comparison;

/// <summary>
/// How validation time grows over the nested-conditions series. The exponent k is the least-squares slope of
/// log(time) against log(conditions): 1 is linear, 2 quadratic. Strata's time is the in-process parse + validate
/// median, fitted from 50 conditions up (below that the fixed cost of a run dominates); cfn-lint's is its wall
/// time minus its start-up (a constant that would hide the growth), fitted over every size it finished.
/// </summary>
internal static class GrowthAnalysis
{
    public const int StrataFitFrom = 50;

    public static List<GrowthSeries> Series(IReadOnlyList<GeneratedComparison> generated, double? cfnLintStartup)
    {
        var conditions = generated.Where(g => g.Template.Kind == "conditions").OrderBy(g => g.Template.Size).ToList();
        var series = new List<GrowthSeries>
        {
            Build("strata, in-process parse + validate",
                conditions.Select(g => g.Template.Size).ToList(),
                conditions.Select(g => g.Strata?.ParseAndValidateSeconds).ToList(),
                conditions.Select(g => g.Strata is null).ToList(),
                StrataFitFrom),
            Build("strata, in-process parse only",
                conditions.Select(g => g.Template.Size).ToList(),
                conditions.Select(g => g.Strata?.ParseSeconds).ToList(),
                conditions.Select(g => g.Strata is null).ToList(),
                StrataFitFrom),
            Build("strata, in-process validate only",
                conditions.Select(g => g.Template.Size).ToList(),
                conditions.Select(g => g.Strata?.ValidateSeconds).ToList(),
                conditions.Select(g => g.Strata is null).ToList(),
                StrataFitFrom),
            Build("strata, in-process validate only, tree already promoted by a full GC",
                conditions.Select(g => g.Template.Size).ToList(),
                conditions.Select(g => g.Strata?.ValidateSettledTreeSeconds).ToList(),
                conditions.Select(g => g.Strata is null).ToList(),
                StrataFitFrom),
            Build("strata, one CLI call",
                conditions.Select(g => g.Template.Size).ToList(),
                conditions.Select(g => g.StrataCli.TimedOut ? (double?)null : g.StrataCli.Seconds).ToList(),
                conditions.Select(g => g.StrataCli.TimedOut).ToList(),
                StrataFitFrom),
        };

        var linted = conditions.Where(g => g.CfnLint is not null).ToList();
        if (linted.Count > 0)
        {
            var startup = cfnLintStartup ?? 0;
            series.Add(Build("cfn-lint, one call minus start-up",
                linted.Select(g => g.Template.Size).ToList(),
                linted.Select(g => g.CfnLint!.TimedOut || g.CfnLint.Failure is not null ? (double?)null : Math.Max(0.001, g.CfnLint.Seconds - startup)).ToList(),
                linted.Select(g => g.CfnLint!.TimedOut).ToList(),
                linted[0].Template.Size));
        }

        return series;
    }

    private static GrowthSeries Build(string tool, List<int> sizes, List<double?> seconds, List<bool> timedOut, int fitFrom)
    {
        var points = sizes.Zip(seconds)
            .Where(p => p.First >= fitFrom && p.Second is > 0)
            .Select(p => (X: Math.Log(p.First), Y: Math.Log(p.Second!.Value)))
            .ToList();
        double? exponent = null;
        if (points.Count >= 2)
        {
            var meanX = points.Average(p => p.X);
            var meanY = points.Average(p => p.Y);
            exponent = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        }

        double? ratio4n = null;
        var from = sizes.IndexOf(fitFrom);
        var fourfold = sizes.IndexOf(fitFrom * 4);
        if (from >= 0 && fourfold >= 0 && seconds[from] is { } first && seconds[fourfold] is { } last)
        {
            ratio4n = last / first;
        }

        return new GrowthSeries(tool, sizes, seconds, timedOut, fitFrom, exponent, ratio4n);
    }
}
