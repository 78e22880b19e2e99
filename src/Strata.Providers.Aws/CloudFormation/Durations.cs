namespace Strata.Providers.Aws.CloudFormation;

internal static class Durations
{
    /// <summary>"45s", "10m", "1h30m": how the CLI writes durations (<c>--ttl 7d</c>, <c>--timeout 30m</c>).</summary>
    public static string Format(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return $"{Math.Max(0, (int)Math.Round(span.TotalSeconds))}s";
        var parts = new List<string>();
        if (span.Days > 0) parts.Add($"{span.Days}d");
        if (span.Hours > 0) parts.Add($"{span.Hours}h");
        if (span.Minutes > 0) parts.Add($"{span.Minutes}m");
        if (span.Days == 0 && span.Hours == 0 && span.Seconds > 0) parts.Add($"{span.Seconds}s");
        return string.Concat(parts);
    }
}
