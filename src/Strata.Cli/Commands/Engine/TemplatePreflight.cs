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
    public static int? Check(CliContext context, TemplateFile template, string stack, IReadOnlyDictionary<string, string> parameters, OutputFormat format) =>
        Check(context, template, stack, parameters, format, out _);

    /// <summary>
    /// As <see cref="Check(CliContext, TemplateFile, string, IReadOnlyDictionary{string, string}, OutputFormat)"/>; when the
    /// template may go ahead, <paramref name="checkedTemplate"/> is it as read, parsed, with the model the validator
    /// built, for the engine to use instead of reading and parsing it again.
    /// </summary>
    public static int? Check(CliContext context, TemplateFile template, string stack, IReadOnlyDictionary<string, string> parameters, OutputFormat format,
        out TemplateSource checkedTemplate)
    {
        var file = template.Path;
        var document = TemplateParser.Parse(template.Bytes, file);
        var result = TemplateValidator.Validate(document, new ValidationOptions { Parameters = parameters, Spec = ResourceSpecification.Default });
        checkedTemplate = new TemplateSource(template.Body, file) { Parsed = document, Model = result.Model };
        if (result.IsValid)
        {
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
