using System.Text.Json.Nodes;
using Strata.Cli.Infrastructure;
using Strata.Cli.Output;
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
    public static int? Check(CliContext context, string file, string stack, IReadOnlyDictionary<string, string> parameters, OutputFormat format)
    {
        var document = TemplateParser.ParseFile(file);
        var result = TemplateValidator.Validate(document, new ValidationOptions { Parameters = parameters, Spec = ResourceSpecification.Default });
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
