using Strata.Bench.Report;
using Strata.Templates.Diagnostics;

namespace Strata.Bench.Measurement;

/// <summary>Counts findings over one pass, so the report shows the validator did the work it was timed for.</summary>
internal sealed class FindingTally
{
    private const string InternalErrorRule = "E0002";

    private readonly Dictionary<string, int> _byRule = new(StringComparer.Ordinal);
    private int _errors;
    private int _warnings;
    private int _infos;
    private int _templatesWithErrors;
    private int _crashes;
    private int _internalErrors;

    public void Add(PipelineOutcome outcome)
    {
        if (outcome.Crash is not null)
        {
            _crashes++;
            return;
        }

        var anyError = false;
        foreach (var diagnostic in outcome.Diagnostics)
        {
            switch (diagnostic.Severity)
            {
                case Severity.Error:
                    _errors++;
                    anyError = true;
                    break;
                case Severity.Warning:
                    _warnings++;
                    break;
                default:
                    _infos++;
                    break;
            }

            if (diagnostic.Rule == InternalErrorRule)
            {
                _internalErrors++;
            }

            _byRule[diagnostic.Rule] = _byRule.GetValueOrDefault(diagnostic.Rule) + 1;
        }

        if (anyError)
        {
            _templatesWithErrors++;
        }
    }

    public FindingCounts ToCounts(int topRules = 12) => new(
        _errors, _warnings, _infos, _templatesWithErrors, _crashes, _internalErrors,
        _byRule.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(topRules)
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal));
}
