namespace Strata.Providers.Aws.Tests.Signing;

/// <summary>
/// An HTTP/1.1 request as the test-vector files write it: request line, headers (with obsolete line
/// folding), blank line, body. The files are deliberately not valid HTTP in places (a space or raw UTF-8
/// in the path), so this reads them literally instead of through an HTTP parser.
/// </summary>
public sealed record RawHttpRequest(string Method, string Target, List<KeyValuePair<string, string>> Headers, string Body)
{
    public string Path => Target.Split('?', 2)[0];
    public string Query => Target.Contains('?') ? Target.Split('?', 2)[1] : "";

    public string? Header(string name) =>
        Headers.Where(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim()).FirstOrDefault();

    public static RawHttpRequest Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var requestLine = lines[0];
        var firstSpace = requestLine.IndexOf(' ');
        var lastSpace = requestLine.LastIndexOf(' ');
        if (firstSpace < 0 || lastSpace <= firstSpace)
            throw new FormatException($"Not a request line: '{requestLine}'.");
        var method = requestLine[..firstSpace];
        var target = requestLine[(firstSpace + 1)..lastSpace];

        var headers = new List<KeyValuePair<string, string>>();
        var index = 1;
        for (; index < lines.Length && lines[index].Length > 0; index++)
        {
            var line = lines[index];
            if (line[0] is ' ' or '\t')
            {
                // Obsolete line folding: the line continues the previous header's value.
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + line);
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon < 0) throw new FormatException($"Not a header line: '{line}'.");
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }
        var body = index + 1 < lines.Length ? string.Join('\n', lines[(index + 1)..]) : "";
        return new RawHttpRequest(method, target, headers, body);
    }

    /// <summary>Headers as a comparable multiset: lower-case name and trimmed value, same-name order kept.</summary>
    public IReadOnlyList<string> NormalizedHeaders() =>
        Headers.Select(h => h.Key.Trim().ToLowerInvariant() + ":" + h.Value.Trim())
            .OrderBy(h => h.Split(':', 2)[0], StringComparer.Ordinal)
            .ToList();
}
