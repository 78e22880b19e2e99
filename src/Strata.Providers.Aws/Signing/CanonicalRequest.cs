using System.Text;

namespace Strata.Providers.Aws.Signing;

/// <summary>
/// The pieces of a SigV4 canonical request: URI, query, headers. Kept separate from the signer so each
/// rule can be read (and tested) on its own.
/// </summary>
public static class CanonicalRequest
{
    /// <summary>Headers that proxies or the HTTP stack may change on the way, so they are never signed.</summary>
    private static readonly HashSet<string> UnsignableHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "user-agent", "x-amzn-trace-id", "expect", "connection", "transfer-encoding",
        "upgrade", "proxy-authorization", "te", "keep-alive",
    };

    public static bool IsSignable(string headerName) => !UnsignableHeaders.Contains(headerName.Trim());

    public static string Uri(string path, bool normalize, bool doubleEncode)
    {
        if (string.IsNullOrEmpty(path)) path = "/";
        if (normalize) path = RemoveDotSegments(path);
        return doubleEncode ? AwsUriEncoding.Encode(path, keepSlashes: true) : path;
    }

    /// <summary>
    /// RFC 3986 section 5.2.4, plus what AWS adds: repeated slashes collapse to one. A trailing slash stays
    /// when something is left before it.
    /// </summary>
    public static string RemoveDotSegments(string path)
    {
        if (path.Length == 0) return "/";
        var output = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment == ".") continue;
            if (segment == "..")
            {
                if (output.Count > 0) output.RemoveAt(output.Count - 1);
                continue;
            }
            output.Add(segment);
        }
        var leading = path[0] == '/' ? "/" : "";
        var trailing = path[^1] == '/' && output.Count > 0 ? "/" : "";
        return leading + string.Join('/', output) + trailing;
    }

    /// <summary>Parses a wire query string into decoded (name, value) pairs, keeping order and repeats.</summary>
    public static List<KeyValuePair<string, string>> ParseQuery(string query)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(query)) return result;
        foreach (var piece in query.TrimStart('?').Split('&'))
        {
            if (piece.Length == 0) continue;
            var equals = piece.IndexOf('=');
            var name = equals < 0 ? piece : piece[..equals];
            var value = equals < 0 ? "" : piece[(equals + 1)..];
            result.Add(new(AwsUriEncoding.Decode(name), AwsUriEncoding.Decode(value)));
        }
        return result;
    }

    /// <summary>Encodes every name and value, then sorts by name and, for repeated names, by value.</summary>
    public static string Query(IEnumerable<KeyValuePair<string, string>> decodedParameters)
    {
        var encoded = decodedParameters
            .Select(p => (Name: AwsUriEncoding.Encode(p.Key), Value: AwsUriEncoding.Encode(p.Value)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal);
        return string.Join('&', encoded.Select(p => p.Name + "=" + p.Value));
    }

    /// <summary>
    /// Lower-case names, sorted; values trimmed with inner whitespace runs (including folded lines) collapsed
    /// to one space; repeated headers joined with commas in the order they were sent.
    /// </summary>
    public static (string CanonicalHeaders, string SignedHeaders) Headers(IEnumerable<KeyValuePair<string, string>> headers)
    {
        var grouped = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            if (!IsSignable(name)) continue;
            var key = name.Trim().ToLowerInvariant();
            if (!grouped.TryGetValue(key, out var values)) grouped[key] = values = new List<string>();
            values.Add(CollapseWhitespace(value));
        }
        var canonical = new StringBuilder();
        foreach (var (name, values) in grouped)
            canonical.Append(name).Append(':').AppendJoin(',', values).Append('\n');
        return (canonical.ToString(), string.Join(';', grouped.Keys));
    }

    private static string CollapseWhitespace(string value)
    {
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value.Trim())
        {
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }
}
