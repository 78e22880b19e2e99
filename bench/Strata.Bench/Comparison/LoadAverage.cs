using System.Globalization;
using Strata.Bench.Report;

namespace Strata.Bench.Comparison;

/// <summary>Reads the kernel's load average, recorded with the results because the machine is shared.</summary>
internal static class LoadAverage
{
    public static LoadSample Sample(string stage)
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return new LoadSample(stage,
                double.Parse(parts[0], CultureInfo.InvariantCulture),
                double.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return new LoadSample(stage, double.NaN, double.NaN);
        }
    }
}
