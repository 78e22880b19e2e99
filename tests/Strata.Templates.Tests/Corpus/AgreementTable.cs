using System.Text;

namespace Strata.Templates.Tests.Corpus;

/// <summary>Per rule, in how many templates both tools, only the reference, or only Strata reported it.</summary>
internal sealed class AgreementTable(string referenceName)
{
    private readonly SortedDictionary<string, int[]> _counts = new(StringComparer.Ordinal);

    public void Add(string rule, bool strata, bool reference)
    {
        if (!strata && !reference)
        {
            return;
        }

        if (!_counts.TryGetValue(rule, out var counts))
        {
            _counts[rule] = counts = new int[3];
        }

        counts[strata && reference ? 0 : reference ? 1 : 2]++;
    }

    public int Rules => _counts.Count;

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine($"{"rule",-6} {"both",6} {"only " + referenceName,16} {"only Strata",12}");
        foreach (var (rule, counts) in _counts)
        {
            text.AppendLine($"{rule,-6} {counts[0],6} {counts[1],16} {counts[2],12}");
        }

        var total = _counts.Values.Aggregate(new int[3], (sum, c) => [sum[0] + c[0], sum[1] + c[1], sum[2] + c[2]]);
        text.AppendLine($"{"total",-6} {total[0],6} {total[1],16} {total[2],12}");
        return text.ToString();
    }
}
