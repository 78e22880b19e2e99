using Strata.Engine.State;

namespace Strata.Engine.Tests.State;

/// <summary>How the store writes and reads times: fixed-width UTC text, so ordering by the column orders by time.</summary>
public sealed class StoredTimeTests
{
    [Fact]
    public void FormatTime_TimeWithAnOffset_WritesUtcWithSevenDigitsAndZ()
    {
        var time = new DateTimeOffset(2026, 11, 22, 7, 8, 9, TimeSpan.FromHours(2)).AddTicks(1234567);

        Assert.Equal("2026-11-22T05:08:09.1234567Z", StateStore.FormatTime(time));
    }

    [Fact]
    public void FormatTime_WholeSecond_KeepsAllSevenDigits()
    {
        Assert.Equal("2026-01-02T03:04:05.0000000Z", StateStore.FormatTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
    }

    [Fact]
    public void ParseTime_WhatFormatTimeWrote_RoundTripsToTheTick()
    {
        var time = new DateTimeOffset(2026, 11, 22, 5, 8, 9, TimeSpan.Zero).AddTicks(7654321);

        var parsed = StateStore.ParseTime(StateStore.FormatTime(time));

        Assert.Equal(time, parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Fact]
    public void ParseTime_OtherIsoText_IsReadAsUtc()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 3, 0, 0, TimeSpan.Zero), StateStore.ParseTime("2026-11-22T05:00:00+02:00"));
        Assert.Equal(new DateTimeOffset(2026, 11, 22, 5, 0, 0, TimeSpan.Zero), StateStore.ParseTime("2026-11-22 05:00:00"));
    }
}
