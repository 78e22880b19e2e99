using Strata.Templates.Diagnostics;
using Strata.Templates.Evaluation;
using Strata.Templates.Syntax;
using Strata.Templates.Transforms;

namespace Strata.Templates.Model;

/// <summary>What building a model may need beyond the text: parameter values decide Fn::ForEach collections.</summary>
public sealed record TemplateBuildOptions
{
    public static readonly TemplateBuildOptions Default = new();

    /// <summary>Supplied parameter values (used where Fn::ForEach iterates over a parameter); defaults apply otherwise.</summary>
    public IReadOnlyDictionary<string, string>? ParameterValues { get; init; }

    public PseudoParameters Pseudo { get; init; } = PseudoParameters.Default;
}

/// <summary>
/// Builds the <see cref="Template"/> model from a parsed document. Never throws for bad input: every
/// structural problem becomes a diagnostic in <see cref="Template.Diagnostics"/> (rule ids in
/// <see cref="ModelRules"/>), and malformed declarations are kept as far as they can be read.
/// </summary>
public static class TemplateModel
{
    /// <summary>Builds the model of <paramref name="document"/>, applying AWS::LanguageExtensions when declared.</summary>
    public static Template Build(ParsedDocument document, TemplateBuildOptions? options = null) =>
        Build(document.Root, document.FileName, options);

    /// <summary>Builds the model of a node tree (the root of a template).</summary>
    public static Template Build(TemplateNode? root, string fileName = "template", TemplateBuildOptions? options = null)
    {
        options ??= TemplateBuildOptions.Default;
        var diagnostics = new DiagnosticBag();
        if (root is null)
        {
            return new Template { FileName = fileName };
        }

        if (root is not MappingNode map)
        {
            diagnostics.Add(Diagnostic.Error(ModelRules.TemplateStructure, $"A template must be a mapping of sections (Resources, Parameters, ...); got {Functions.FunctionExpression.Describe(root)}", "", root.Location));
            return new Template { FileName = fileName, SourceRoot = root, Diagnostics = diagnostics.Items };
        }

        var reader = new SectionReader(diagnostics);
        var transforms = reader.ReadTransforms(map);
        var languageExtensions = transforms.Any(t => t.Name == TransformDecl.LanguageExtensions);
        var unapplied = transforms.Where(t => t.Name != TransformDecl.LanguageExtensions).ToList();
        reader.MacrosApply = unapplied.Count > 0;
        if (unapplied.Count > 0)
        {
            // One finding per template: the point is that the checks below see the template as written.
            var names = string.Join(", ", unapplied.Select(t => $"'{t.Name}'"));
            var at = map.GetEntry(TemplateSectionNames.Transform)!;
            diagnostics.Add(Diagnostic.Info(
                ModelRules.CheckedBeforeTransform,
                $"Transform {names} is applied by CloudFormation, not by Strata: the template is checked as written, before the transform",
                at.Value.Path,
                at.KeyLocation));
        }

        var parameters = reader.ReadParameters(map);
        var mappings = reader.ReadMappings(map);
        var expanded = map;
        if (languageExtensions)
        {
            var preliminary = new Template { FileName = fileName, Root = map, Parameters = parameters, Mappings = mappings, HasLanguageExtensions = true };
            expanded = LanguageExtensionsTransform.Apply(map, preliminary, options, diagnostics);
        }
        else
        {
            LanguageExtensionsTransform.ReportUnexpandedLoops(map, diagnostics);
        }

        return new Template
        {
            FileName = fileName,
            Root = expanded,
            SourceRoot = root,
            FormatVersion = reader.ReadString(expanded, TemplateSectionNames.FormatVersion, ModelRules.TemplateStructure),
            Description = reader.ReadString(expanded, TemplateSectionNames.Description, ModelRules.DescriptionNotString),
            Metadata = expanded[TemplateSectionNames.Metadata],
            Parameters = parameters,
            Mappings = mappings,
            Rules = reader.ReadRules(expanded),
            Conditions = reader.ReadConditions(expanded),
            Transforms = transforms,
            Resources = reader.ReadResources(expanded),
            Outputs = reader.ReadOutputs(expanded),
            HasLanguageExtensions = languageExtensions,
            HasUnappliedTransforms = unapplied.Count > 0,
            Diagnostics = diagnostics.Items,
        };
    }
}
