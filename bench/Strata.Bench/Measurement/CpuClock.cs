using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Strata.Bench.Measurement;

/// <summary>
/// CPU time consumed by this process (all threads: the validator, the GC, the JIT), with nanosecond
/// resolution on Linux (<c>clock_gettime(CLOCK_PROCESS_CPUTIME_ID)</c>). Reported next to wall time because the
/// machine is shared: other people's builds stretch wall time, CPU time much less.
/// </summary>
internal static partial class CpuClock
{
    private const int ProcessCpuTimeClock = 2;

    private static readonly bool Native = OperatingSystem.IsLinux() && TryNative(out _);

    public static double ProcessSeconds()
    {
        if (Native && TryNative(out var seconds))
        {
            return seconds;
        }

        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    private static bool TryNative(out double seconds)
    {
        try
        {
            if (clock_gettime(ProcessCpuTimeClock, out var time) == 0)
            {
                seconds = time.Seconds + time.Nanoseconds / 1e9;
                return true;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
        }

        seconds = 0;
        return false;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int clock_gettime(int clock, out TimeSpec time);
}
