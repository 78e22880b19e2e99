using System.Globalization;

namespace Strata.Bench.Report;

/// <summary>Human-readable numbers for the Markdown report (invariant culture, units chosen by magnitude).</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Duration(double seconds) => seconds switch
    {
        < 0.001 => (seconds * 1e6).ToString("0", Invariant) + " µs",
        < 1 => (seconds * 1000).ToString(seconds < 0.01 ? "0.00" : seconds < 0.1 ? "0.0" : "0", Invariant) + " ms",
        < 100 => seconds.ToString("0.00", Invariant) + " s",
        _ => seconds.ToString("0", Invariant) + " s",
    };

    public static string Duration(ProcessRun? run) => run switch
    {
        null => "–",
        { TimedOut: true } => $"> {run.TimeoutSeconds.ToString("0", Invariant)} s (timed out)",
        { Failure: { } failure } => $"failed: {failure}",
        _ => Duration(run.Seconds),
    };

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "–",
        >= 1L << 30 => (bytes.Value / (double)(1L << 30)).ToString("0.0", Invariant) + " GiB",
        >= 1 << 20 => (bytes.Value / (double)(1 << 20)).ToString("0", Invariant) + " MiB",
        >= 1 << 10 => (bytes.Value / 1024.0).ToString("0", Invariant) + " KiB",
        _ => bytes.Value.ToString(Invariant) + " B",
    };

    public static string Ratio(double? ratio, bool lowerBound = false) => ratio switch
    {
        null => "–",
        >= 100 => (lowerBound ? "> " : "") + ratio.Value.ToString("#,0", Invariant) + "×",
        >= 10 => (lowerBound ? "> " : "") + ratio.Value.ToString("0", Invariant) + "×",
        _ => (lowerBound ? "> " : "") + ratio.Value.ToString("0.0", Invariant) + "×",
    };

    public static string Number(double value, string format = "#,0") => value.ToString(format, Invariant);

    public static string Met(bool? met) => met switch
    {
        true => "**met**",
        false => "**missed**",
        null => "not measured",
    };
}
