using System.Runtime.CompilerServices;

namespace Strata.Providers.Aws.Protocol;

/// <summary>
/// Follows NextToken-style pagination. A service that hands back a token it already gave is a loop, and
/// stops with an error instead of running forever.
/// </summary>
public static class Paginator
{
    public static async IAsyncEnumerable<TPage> PagesAsync<TPage>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, string?> nextToken,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? token = null;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetchPage(token, cancellationToken).ConfigureAwait(false);
            yield return page;
            token = nextToken(page);
            if (!string.IsNullOrEmpty(token) && !seen.Add(token))
                throw new AwsProtocolException($"The service returned the pagination token '{token}' twice; stopping to avoid a loop.");
        }
        while (!string.IsNullOrEmpty(token));
    }

    public static async IAsyncEnumerable<TItem> ItemsAsync<TPage, TItem>(
        Func<string?, CancellationToken, Task<TPage>> fetchPage,
        Func<TPage, string?> nextToken,
        Func<TPage, IEnumerable<TItem>> items,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in PagesAsync(fetchPage, nextToken, cancellationToken).ConfigureAwait(false))
            foreach (var item in items(page))
                yield return item;
    }
}
