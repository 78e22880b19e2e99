using System.Text.Json;
using Strata.Templates.Diagnostics;

namespace Strata.Cli.Output;

/// <summary>
/// The <c>validate --format json</c> document of the CLI contract:
/// <c>{"files":[{"path","valid","diagnostics":[{"rule","severity","message","path","line","column"}]}]}</c>.
/// </summary>
public static class ValidateJsonWriter
{
    public static void Write(Stream output, IReadOnlyList<FileValidation> files)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("files");
        foreach (var file in files)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteBoolean("valid", file.Valid);
            json.WriteStartArray("diagnostics");
            foreach (var d in file.Diagnostics)
            {
                WriteDiagnostic(json, d);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter json, Diagnostic d)
    {
        json.WriteStartObject();
        json.WriteString("rule", d.Rule);
        json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
        json.WriteString("message", d.Message);
        if (d.Path is null)
        {
            json.WriteNull("path");
        }
        else
        {
            json.WriteString("path", d.Path);
        }

        if (d.Location.IsKnown)
        {
            json.WriteNumber("line", d.Location.Line);
            json.WriteNumber("column", d.Location.Column);
        }
        else
        {
            json.WriteNull("line");
            json.WriteNull("column");
        }

        json.WriteEndObject();
    }
}
