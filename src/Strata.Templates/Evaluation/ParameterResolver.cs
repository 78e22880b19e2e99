using System.Globalization;
using Strata.Templates.Diagnostics;
using Strata.Templates.Model;
using Strata.Templates.Syntax;
using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>
/// Resolves parameter values as CloudFormation does: a supplied value, else the Default; typed by the
/// parameter's Type (numbers, comma-separated lists with items trimmed, AWS-specific ids checked for
/// shape, SSM values unknown offline); checked against every constraint. Defaults are checked too
/// (E2015). Rule ids are in <see cref="ParameterRules"/>.
/// </summary>
public static class ParameterResolver
{
    public static ParameterResolution Resolve(
        Template template,
        IReadOnlyDictionary<string, string>? supplied,
        ParameterResolutionOptions? options = null)
    {
        options ??= ParameterResolutionOptions.Strict;
        var diagnostics = new DiagnosticBag();
        var resolved = new List<ResolvedParameter>(template.Parameters.Count);
        foreach (var decl in template.Parameters)
        {
            resolved.Add(ResolveOne(decl, supplied, options, diagnostics));
        }

        if (supplied is not null && options.ReportUndeclared)
        {
            foreach (var name in supplied.Keys)
            {
                if (!template.Parameters.Contains(name))
                {
                    diagnostics.Add(Diagnostic.Error(ParameterRules.UndeclaredParameter, $"A value was supplied for parameter '{name}', which the template does not declare", TemplateSectionNames.Parameters));
                }
            }
        }

        return new ParameterResolution(resolved, diagnostics.Items);
    }

    /// <summary>A value that satisfies the declaration, for evaluating a template without real values.</summary>
    public static string Placeholder(ParameterDecl decl)
    {
        if (decl.Default is not null)
        {
            return decl.Default;
        }

        if (decl.AllowedValues is { Count: > 0 } allowed)
        {
            return allowed[0];
        }

        var type = decl.TypeInfo;
        switch (type.Category)
        {
            case ParameterCategory.Number:
            case ParameterCategory.NumberList:
                var n = decl.MinValue ?? (decl.MaxValue is { } max && max < 1 ? max : 1);
                return n.ToString(CultureInfo.InvariantCulture);
            case ParameterCategory.AwsSpecific:
            case ParameterCategory.AwsSpecificList:
                return ParameterFormats.Placeholder(type.ElementType!);
            case ParameterCategory.SsmParameterName:
            case ParameterCategory.SsmParameterValue:
                return "/strata/placeholder";
            default:
                var length = Math.Max(decl.MinLength ?? 1, 1);
                return new string('x', decl.MaxLength is { } maxLength ? Math.Min(length, Math.Max(maxLength, 1)) : length);
        }
    }

    private static ResolvedParameter ResolveOne(ParameterDecl decl, IReadOnlyDictionary<string, string>? supplied, ParameterResolutionOptions options, DiagnosticBag diagnostics)
    {
        var checker = new ParameterChecker(decl, diagnostics);
        if (decl.Default is not null)
        {
            // A broken default is a template error even when a value is supplied.
            checker.Check(decl.Default, isDefault: true, options.SsmLookup);
        }

        if (supplied is not null && supplied.TryGetValue(decl.Name, out var text))
        {
            return new ResolvedParameter(decl, checker.Check(text, isDefault: false, options.SsmLookup), ParameterValueSource.Supplied, text);
        }

        if (decl.Default is not null)
        {
            var value = new ParameterChecker(decl, new DiagnosticBag()).Check(decl.Default, isDefault: true, options.SsmLookup);
            return new ResolvedParameter(decl, value, ParameterValueSource.Default, decl.Default);
        }

        if (options.RequireValues)
        {
            diagnostics.Add(Diagnostic.Error(ParameterRules.MissingValue, $"Parameter '{decl.Name}' has no Default and was given no value", decl.Node.Path, decl.KeyLocation.IsKnown ? decl.KeyLocation : decl.Node.Location));
        }

        var missing = new UnknownValue(decl.TypeInfo.ExpectedKind, "parameter " + decl.Name + " (no value)", UnknownReason.ParameterNotResolved);
        return new ResolvedParameter(decl, missing, ParameterValueSource.Missing, null);
    }
}
