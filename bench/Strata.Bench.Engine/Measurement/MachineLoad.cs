using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Strata.Bench.Engine.Measurement;

/// <summary>The load averages (1, 5, 15 minutes) from /proc/loadavg; zeros where the OS does not have it.</summary>
public sealed record LoadAverage(double One, double Five, double Fifteen)
{
    public static LoadAverage Now()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return new LoadAverage(Parse(parts[0]), Parse(parts[1]), Parse(parts[2]));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IndexOutOfRangeException or FormatException)
        {
            return new LoadAverage(0, 0, 0);
        }
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    public override string ToString() => FormattableString.Invariant($"{One:0.00} {Five:0.00} {Fifteen:0.00}");
}

/// <summary>
/// Other engineers share this machine. Before each measurement the bench waits (up to a limit) for the
/// 1-minute load to fall below a threshold (at most <c>maxWait</c> each time and <c>budget</c> in all, since
/// a machine that stays busy will not get quieter by waiting), and records the load it started at.
/// </summary>
public sealed class LoadGate(double threshold, TimeSpan maxWait, TimeSpan budget)
{
    private TimeSpan _waited;

    public double Threshold => threshold;

    /// <summary>Seconds spent waiting for a quieter machine, over the whole run.</summary>
    public double WaitedSeconds => _waited.TotalSeconds;

    public LoadAverage WaitForQuiet(string what)
    {
        var load = LoadAverage.Now();
        var allowed = maxWait < budget - _waited ? maxWait : budget - _waited;
        if (threshold <= 0 || load.One <= threshold || allowed <= TimeSpan.Zero)
        {
            return load;
        }
        Console.Error.WriteLine(FormattableString.Invariant($"  (load {load.One:0.00} > {threshold:0.00}: waiting up to {allowed.TotalSeconds:0} s before {what})"));
        var started = DateTime.UtcNow;
        while (DateTime.UtcNow - started < allowed && load.One > threshold)
        {
            Thread.Sleep(5000);
            load = LoadAverage.Now();
        }
        _waited += DateTime.UtcNow - started;
        return load;
    }
}

/// <summary>What the numbers were measured on.</summary>
public sealed record MachineInfo(
    int Cores, string Os, string Runtime, string Gc, string DataRoot, LoadAverage LoadAtStart)
{
    public static MachineInfo Probe(string dataRoot) => new(
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GcDescription(),
        dataRoot,
        LoadAverage.Now());

    private static string GcDescription()
    {
        var kind = GCSettings.IsServerGC
            ? $"server (heaps at most {AppContext.GetData("System.GC.HeapCount") ?? "one per core"}, " +
              $"dynamic adaptation {(Equals(AppContext.GetData("System.GC.DynamicAdaptationMode")?.ToString(), "0") ? "off" : "on")})"
            : "workstation";
        return kind + (GCSettings.LatencyMode == GCLatencyMode.Batch ? "" : ", concurrent");
    }
}
