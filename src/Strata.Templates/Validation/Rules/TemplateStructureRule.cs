using System.Text;
using Strata.Templates.Model;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation.Rules;

/// <summary>
/// E1001: only known top-level sections, a Resources section, and the one AWSTemplateFormatVersion there is.
/// E1003: a description of at most 1,024 bytes. (The shape of each section is reported by the model builder.)
/// </summary>
internal sealed class TemplateStructureRule : ITemplateRule
{
    public const string FormatVersion = "2010-09-09";
    private const int MaxDescriptionBytes = 1024;

    public string Name => "template structure (E1001/E1003)";

    public void Check(RuleContext context)
    {
        var root = context.Root;
        var transform = context.Transform;
        foreach (var entry in root.Entries)
        {
            if (!TemplateSectionNames.All.Contains(entry.Key) && !AllowedByTransform(entry.Key, transform))
            {
                context.ErrorAtKey(ValidationRules.TemplateStructure,
                    $"Unknown top-level section '{entry.Key}'{Suggestions.DidYouMean(entry.Key, TemplateSectionNames.All)}; a template has only {NodeDescriptions.OneOf(TemplateSectionNames.All, 20)}",
                    root, entry);
            }
        }

        if (!root.ContainsKey(TemplateSectionNames.Resources) && !transform.HasMacros)
        {
            context.Error(ValidationRules.TemplateStructure,
                "The template has no Resources section; CloudFormation requires at least one resource", "", root.Location);
        }

        if (root.GetEntry(TemplateSectionNames.FormatVersion) is { } version
            && version.Value is ScalarNode { IsNull: false } versionText && versionText.Text != FormatVersion)
        {
            // An unquoted 2010-09-09 is a YAML date; the reader keeps its text, which is what CloudFormation compares.
            context.ErrorAtKey(ValidationRules.TemplateStructure,
                $"AWSTemplateFormatVersion is '{NodeDescriptions.Shorten(versionText.Text)}'; the only version is '{FormatVersion}'", root, version);
        }

        if (root.GetEntry(TemplateSectionNames.Description) is { } description
            && description.Value is ScalarNode { IsNull: false } text
            && Encoding.UTF8.GetByteCount(text.Text) is var bytes && bytes > MaxDescriptionBytes)
        {
            context.ErrorAtKey(ValidationRules.DescriptionLength,
                $"Description is {bytes} bytes long; CloudFormation accepts at most {MaxDescriptionBytes}", root, description);
        }
    }

    private static bool AllowedByTransform(string section, TransformInfo transform) =>
        transform.HasMacros || (transform.HasServerless && section == "Globals");
}
