using Strata.Templates.Syntax;

namespace Strata.Templates.Validation.Rules;

/// <summary>
/// CloudFormation's quotas: template size (1,000,000 bytes from S3, 51,200 bytes inline), 500 resources,
/// 200 parameters, outputs and mappings. Like cfn-lint, an info finding warns at 90% of a limit.
/// </summary>
internal sealed class TemplateLimitsRule : ITemplateRule
{
    public const long MaxTemplateBytes = 1_000_000;
    public const long MaxInlineTemplateBytes = 51_200;
    public const int MaxResources = 500;
    public const int MaxParameters = 200;
    public const int MaxOutputs = 200;
    public const int MaxMappings = 200;
    private const double Threshold = 0.9;

    public string Name => "limits (E1002/E2010/E3010/E6010/E7010)";

    public void Check(RuleContext context)
    {
        CheckSize(context);

        // Transforms other than the language extensions add and remove declarations, so counting them now says little.
        if (context.Transform.IsForeign)
        {
            return;
        }

        var index = context.Index;
        CheckCount(context, index.Resources, "Resources", "resources", MaxResources, ValidationRules.ResourceLimit, ValidationRules.ResourceLimitApproaching);
        CheckCount(context, index.Parameters, "Parameters", "parameters", MaxParameters, ValidationRules.ParameterLimit, ValidationRules.ParameterLimitApproaching);
        CheckCount(context, index.Outputs, "Outputs", "outputs", MaxOutputs, ValidationRules.OutputLimit, ValidationRules.OutputLimitApproaching);
        CheckCount(context, index.Mappings, "Mappings", "mappings", MaxMappings, ValidationRules.MappingLimit, ValidationRules.MappingLimitApproaching);
    }

    private static void CheckSize(RuleContext context)
    {
        var size = context.Document.ByteLength;
        var start = new SourceLocation(1, 1);
        if (size > MaxTemplateBytes)
        {
            context.Error(ValidationRules.TemplateSize,
                $"The template is {size:N0} bytes; CloudFormation accepts at most {MaxTemplateBytes:N0} bytes", "", start);
            return;
        }

        if (size > Threshold * MaxTemplateBytes)
        {
            context.Info(ValidationRules.TemplateSizeApproaching,
                $"The template is {size:N0} bytes, approaching CloudFormation's limit of {MaxTemplateBytes:N0} bytes", "", start);
        }

        if (size > MaxInlineTemplateBytes)
        {
            context.Info(ValidationRules.InlineTemplateSize,
                $"The template is {size:N0} bytes, more than the {MaxInlineTemplateBytes:N0} bytes CloudFormation accepts inline; it must be uploaded to S3 (TemplateURL)",
                "", start);
        }
    }

    private static void CheckCount(
        RuleContext context, MappingNode? section, string sectionName, string what, int max, string rule, string approachingRule)
    {
        if (section is null)
        {
            return;
        }

        var count = section.Count;
        var location = section.Parent is MappingNode root ? root.GetEntry(sectionName)?.KeyLocation ?? section.Location : section.Location;
        if (count > max)
        {
            context.Error(rule, $"The template declares {count} {what}; CloudFormation allows at most {max}", sectionName, location);
        }
        else if (count > Threshold * max)
        {
            context.Info(approachingRule, $"The template declares {count} {what}, approaching CloudFormation's limit of {max}", sectionName, location);
        }
    }
}
