using Strata.Engine.Model;

namespace Strata.Engine.Tests.Model;

public sealed class IdentifiersTests
{
    [Fact]
    public void NewRandom_ManyIdentifiers_AreDistinctVersion4Guids()
    {
        var ids = Enumerable.Range(0, 10_000).Select(_ => Identifiers.NewRandom()).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.Equal(4, id.Version));
        Assert.All(ids, id => Assert.Equal(0b10, id.Variant >> 2));
    }

    [Fact]
    public void NewTimeOrdered_LaterTime_SortsAfterAndCarriesTheMilliseconds()
    {
        var earlier = new DateTimeOffset(2026, 11, 22, 8, 0, 0, 1, TimeSpan.Zero);
        var later = earlier.AddMilliseconds(1);

        var first = Identifiers.NewTimeOrdered(earlier);
        var second = Identifiers.NewTimeOrdered(later);

        Assert.Equal(7, first.Version);
        Assert.Equal(0b10, first.Variant >> 2);
        Assert.True(string.CompareOrdinal(first.ToString("N"), second.ToString("N")) < 0);
        Assert.Equal(earlier.ToUnixTimeMilliseconds().ToString("x12"), first.ToString("N")[..12]);
    }

    [Fact]
    public void NewTimeOrdered_SameTime_GivesDistinctIdentifiersLikeTheRuntimes()
    {
        var now = DateTimeOffset.UtcNow;

        var ours = Identifiers.NewTimeOrdered(now);
        var runtimes = Guid.CreateVersion7(now);

        Assert.NotEqual(ours, Identifiers.NewTimeOrdered(now));
        Assert.Equal(runtimes.ToString("N")[..12], ours.ToString("N")[..12]);
    }
}
