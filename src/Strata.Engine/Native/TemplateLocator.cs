namespace Strata.Engine.Native;

/// <summary>
/// Finds a nested stack's template from its TemplateURL: a path relative to the parent template's folder,
/// a <c>file://</c> URL, or an S3/HTTPS URL mapped to a local folder. Unmapped S3 URLs are an error with
/// the sandbox: it never downloads.
/// </summary>
public static class TemplateLocator
{
    public static bool TryLocate(string url, string? parentTemplatePath, IReadOnlyDictionary<string, string> mappings, out string path, out string error)
    {
        path = "";
        error = "";
        if (string.IsNullOrWhiteSpace(url))
        {
            error = "TemplateURL is empty";
            return false;
        }
        foreach (var (prefix, directory) in mappings.OrderByDescending(m => m.Key.Length))
        {
            if (url.StartsWith(prefix, StringComparison.Ordinal))
            {
                path = Path.GetFullPath(Path.Combine(directory, Uri.UnescapeDataString(url[prefix.Length..]).TrimStart('/')));
                return Exists(path, url, out error);
            }
        }
        if (url.StartsWith("file://", StringComparison.OrdinalIgnoreCase))
        {
            path = new Uri(url).LocalPath;
            return Exists(path, url, out error);
        }
        if (url.StartsWith("s3://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            error = $"TemplateURL {url} is remote; this provider reads nested templates from local files only. Use a path relative to the parent template, " +
                "a file:// URL, or map the URL prefix to a folder (STRATA_TEMPLATE_MAP=\"PREFIX=DIR\")";
            return false;
        }
        var baseDirectory = parentTemplatePath is null ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(parentTemplatePath))!;
        path = Path.GetFullPath(Path.Combine(baseDirectory, url));
        return Exists(path, url, out error);
    }

    private static bool Exists(string path, string url, out string error)
    {
        error = File.Exists(path) ? "" : $"TemplateURL {url}: {path} does not exist";
        return error.Length == 0;
    }
}
