using System.Text;
using System.Text.Json.Nodes;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
using Strata.Engine.Definition;
using Strata.Templates.Diagnostics;
using Strata.Templates.Spec;
using Strata.Templates.Syntax;
using Strata.Templates.Validation;

namespace Strata.Cli.Commands.Engine;

/// <summary>
/// The template pre-flight of <c>plan</c> and <c>up</c>: the same checks as <c>strata validate</c>, run before
/// anything is created, so a template error is reported with its line instead of as a failed resource.
/// </summary>
public static class TemplatePreflight
{
    /// <summary>Returns null when the template may go ahead, else the exit code after reporting why not.</summary>
    public static int? Check(CliContext context, string file, string stack, IReadOnlyDictionary<string, string> parameters, OutputFormat format) =>
        Check(context, file, stack, parameters, format, out _);

    /// <summary>
    /// As <see cref="Check(CliContext, string, string, IReadOnlyDictionary{string, string}, OutputFormat)"/>; when the
    /// template may go ahead, <paramref name="checkedTemplate"/> is it as read, parsed, with the model the validator
    /// built, for the engine to use instead of parsing it again.
    /// </summary>
    public static int? Check(CliContext context, string file, string stack, IReadOnlyDictionary<string, string> parameters, OutputFormat format,
        out TemplateSource? checkedTemplate)
    {
        checkedTemplate = null;
        var (document, body) = Read(file);
        var result = TemplateValidator.Validate(document, new ValidationOptions { Parameters = parameters, Spec = ResourceSpecification.Default });
        if (result.IsValid)
        {
            if (body is not null)
            {
                checkedTemplate = new TemplateSource(body, file) { Parsed = document, Model = result.Model };
            }
            return null;
        }

        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        if (format == OutputFormat.Json)
        {
            EngineJson.Write(context.Out, new JsonObject
            {
                ["stack"] = stack,
                ["status"] = null,
                ["error"] = $"{file}: the template has {errors.Count} error(s); nothing was created",
                ["rootCause"] = null,
                ["outputs"] = new JsonObject(),
                ["diagnostics"] = new JsonArray(errors.Select(Describe).ToArray<JsonNode?>()),
            });
        }
        else
        {
            TextDiagnosticWriter.Write(context.Out, [new FileValidation(file, errors, document.IsUnreadable)], context.UseColor);
            context.Error.WriteLine($"strata: {file} has {errors.Count} error(s); nothing was created");
        }

        return document.IsUnreadable ? ExitCodes.Usage : ExitCodes.Failed;
    }

    /// <summary>
    /// Parses the file as <see cref="TemplateParser.ParseFile"/> does, and also returns its text as the commands
    /// read it (UTF-8 without a byte order mark), so the engine can tell it is being given the same template.
    /// </summary>
    private static (ParsedDocument Document, string? Body) Read(string file)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Missing, a directory, unreadable: ParseFile words each of these.
            return (TemplateParser.ParseFile(file), null);
        }

        var document = TemplateParser.Parse(bytes, file);
        if (document.HasErrors)
        {
            return (document, null);
        }

        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        return (document, Encoding.UTF8.GetString(bytes, offset, bytes.Length - offset));
    }

    private static JsonObject Describe(Diagnostic d) => new()
    {
        ["rule"] = d.Rule,
        ["severity"] = d.Severity.ToString().ToLowerInvariant(),
        ["message"] = d.Message,
        ["path"] = d.Path,
        ["line"] = d.Location.IsKnown ? d.Location.Line : null,
        ["column"] = d.Location.IsKnown ? d.Location.Column : null,
    };
}
