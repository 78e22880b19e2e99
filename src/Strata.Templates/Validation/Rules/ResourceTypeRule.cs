namespace Strata.Templates.Validation.Rules;

/// <summary>
/// E3006: an <c>AWS::</c>/<c>Alexa::</c> resource type the specification does not know. Custom resources and
/// registry-style third-party types are not in the specification by nature and are checked structurally instead.
/// </summary>
internal sealed class ResourceTypeRule : ITemplateRule
{
    public string Name => "resource type (E3006)";

    public void Check(RuleContext context)
    {
        if (context.Transform.HasMacros)
        {
            return; // a macro may define types of its own
        }

        foreach (var resource in context.Index.ResourceList)
        {
            if (resource.Kind != ResourceKind.Unknown || resource.Node?.GetEntry("Type") is not { } typeEntry)
            {
                continue;
            }

            var message = $"Resource type '{resource.TypeName}' does not exist in the resource specification"
                + Suggestions.DidYouMean(resource.TypeName!, context.Spec.TypeNames);
            context.ErrorAtKey(ValidationRules.ResourceType, message, resource.Node, typeEntry);
        }
    }
}
