using System.Net;
using System.Text;

namespace Strata.Testing;

/// <summary>An HTTP/1.1 request as it arrived on the socket.</summary>
public sealed record CapturedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, byte[] Head)
{
    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The form parameters of a URL-encoded body (an AWS Query request: <c>Action=...&amp;Version=...</c>).</summary>
    public Dictionary<string, string> FormParameters() =>
        BodyText.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => WebUtility.UrlDecode(p[0]), p => WebUtility.UrlDecode(p.Length > 1 ? p[1] : ""), StringComparer.Ordinal);
}
