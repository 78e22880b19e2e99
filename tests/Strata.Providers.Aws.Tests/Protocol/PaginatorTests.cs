using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Tests.Protocol;

public sealed class PaginatorTests
{
    private sealed record Page(string[] Items, string? Next);

    [Fact]
    public async Task ItemsAsync_ThreePages_YieldsAllItemsInOrderAndPassesTokens()
    {
        var pages = new Dictionary<string, Page>
        {
            [""] = new(["a", "b"], "t1"),
            ["t1"] = new(["c"], "t2"),
            ["t2"] = new(["d"], null),
        };
        var tokens = new List<string?>();

        var items = await Paginator.ItemsAsync((token, _) =>
        {
            tokens.Add(token);
            return Task.FromResult(pages[token ?? ""]);
        }, p => p.Next, p => p.Items).ToListAsync();

        Assert.Equal(["a", "b", "c", "d"], items);
        Assert.Equal([null, "t1", "t2"], tokens);
    }

    [Fact]
    public async Task PagesAsync_EmptyStringToken_IsTheLastPage()
    {
        var calls = 0;

        var pages = await Paginator.PagesAsync((_, _) => Task.FromResult(new Page([$"{++calls}"], "")), p => p.Next).ToListAsync();

        Assert.Single(pages);
    }

    [Fact]
    public async Task PagesAsync_ServiceRepeatsAToken_StopsWithProtocolError()
    {
        var error = await Assert.ThrowsAsync<AwsProtocolException>(async () =>
        {
            await foreach (var _ in Paginator.PagesAsync((_, _) => Task.FromResult(new Page(["x"], "same")), p => p.Next))
            {
            }
        });

        Assert.Contains("'same' twice", error.Message);
    }
}
