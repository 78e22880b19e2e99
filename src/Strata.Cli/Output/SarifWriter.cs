using System.Text.Json;
using Strata.Templates.Diagnostics;

namespace Strata.Cli.Output;

/// <summary>
/// SARIF 2.1.0 (the format code-scanning tools ingest): one run, the rules that fired, one result per
/// finding with a physical location relative to the working directory.
/// </summary>
public static class SarifWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    public static void Write(Stream output, IReadOnlyList<FileValidation> files, string toolVersion)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", SchemaUri);
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "strata");
        json.WriteString("informationUri", "https://github.com/strata/strata");
        json.WriteString("version", toolVersion);
        json.WriteStartArray("rules");
        var rules = files.SelectMany(f => f.Diagnostics).Select(d => d.Rule).Distinct().Order(StringComparer.Ordinal).ToList();
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("results");
        foreach (var file in files)
        {
            foreach (var d in file.Diagnostics)
            {
                WriteResult(json, file.Path, d, rules.IndexOf(d.Rule));
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, string file, Diagnostic d, int ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", d.Rule);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "note",
        });
        json.WriteStartObject("message");
        json.WriteString("text", d.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", ToUri(file));
        json.WriteEndObject();
        if (d.Location.IsKnown)
        {
            json.WriteStartObject("region");
            json.WriteNumber("startLine", d.Location.Line);
            json.WriteNumber("startColumn", d.Location.Column);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        if (d.Path is not null)
        {
            json.WriteStartArray("logicalLocations");
            json.WriteStartObject();
            json.WriteString("fullyQualifiedName", d.Path);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>SARIF wants URI references: relative paths with forward slashes, percent-encoded where needed.</summary>
    private static string ToUri(string path)
    {
        var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(Directory.GetCurrentDirectory(), path) : path;
        if (relative.StartsWith("..", StringComparison.Ordinal))
        {
            return new Uri(Path.GetFullPath(path)).AbsoluteUri;
        }

        return string.Join('/', relative.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));
    }
}
