using Strata.Templates.Diagnostics;
using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Templates.Functions;

/// <summary>
/// What a function needs to validate itself: the template (to check that Ref/GetAtt/Condition/FindInMap
/// targets exist; null checks shapes only), the section the expression sits in (a Ref to a resource is
/// not allowed in Conditions), and where to report.
/// </summary>
public sealed class ValidationContext
{
    public ValidationContext(Template? template, DiagnosticBag diagnostics, TemplateSection section = TemplateSection.None)
    {
        Template = template;
        Diagnostics = diagnostics;
        Section = section;
    }

    public Template? Template { get; }

    public DiagnosticBag Diagnostics { get; }

    public TemplateSection Section { get; set; }

    public bool LanguageExtensions => Template?.HasLanguageExtensions ?? false;

    /// <summary>
    /// Whether a missing Ref/GetAtt/Sub target is an error. Not when the template has transforms Strata
    /// does not apply (SAM, macros): they create resources (e.g. SAM's <c>MyFunctionRole</c>).
    /// </summary>
    public bool CheckTargets => Template is { HasUnappliedTransforms: false };

    public void Report(string rule, string message, TemplateNode at, Severity severity = Severity.Error) =>
        Diagnostics.Add(new Diagnostic(rule, severity, message, at.Path, at.Location));
}
