using Strata.Bench.Report;

namespace Strata.Bench.Comparison;

/// <summary>
/// How validation time grows over the nested-conditions series. The exponent k is the least-squares slope of
/// log(time) against log(conditions): 1 is linear, 2 quadratic. Strata's time is the in-process parse + validate
/// median; cfn-lint's is its wall time minus its start-up (a constant that would hide the growth).
/// </summary>
internal static class GrowthAnalysis
{
    public static List<GrowthSeries> Series(IReadOnlyList<GeneratedComparison> generated, double? cfnLintStartup)
    {
        var conditions = generated.Where(g => g.Template.Kind == "conditions").OrderBy(g => g.Template.Size).ToList();
        var sizes = conditions.Select(g => g.Template.Size).ToList();
        var series = new List<GrowthSeries>
        {
            Build("strata (in-process parse + validate)", sizes,
                conditions.Select(g => g.Strata?.ParseAndValidateSeconds).ToList(),
                conditions.Select(g => g.Strata is null).ToList()),
        };

        var linted = conditions.Where(g => g.CfnLint is not null).ToList();
        if (linted.Count > 0)
        {
            var startup = cfnLintStartup ?? 0;
            series.Add(Build("cfn-lint (wall time minus start-up)",
                linted.Select(g => g.Template.Size).ToList(),
                linted.Select(g => g.CfnLint!.TimedOut ? (double?)null : Math.Max(0.001, g.CfnLint.Seconds - startup)).ToList(),
                linted.Select(g => g.CfnLint!.TimedOut).ToList()));
        }

        return series;
    }

    private static GrowthSeries Build(string tool, List<int> sizes, List<double?> seconds, List<bool> timedOut)
    {
        var points = sizes.Zip(seconds).Where(p => p.Second is > 0).Select(p => (X: Math.Log(p.First), Y: Math.Log(p.Second!.Value))).ToList();
        double? exponent = null;
        if (points.Count >= 2)
        {
            var meanX = points.Average(p => p.X);
            var meanY = points.Average(p => p.Y);
            exponent = points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
        }

        double? ratio4n = null;
        if (sizes.Count > 0 && seconds[0] is { } first)
        {
            var fourfold = sizes.IndexOf(sizes[0] * 4);
            if (fourfold >= 0 && seconds[fourfold] is { } last)
            {
                ratio4n = last / first;
            }
        }

        return new GrowthSeries(tool, sizes, seconds, timedOut, exponent, ratio4n);
    }
}
