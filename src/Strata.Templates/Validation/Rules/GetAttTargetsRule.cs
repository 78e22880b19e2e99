namespace Strata.Templates.Validation.Rules;

/// <summary>
/// E1010: Fn::GetAtt names a resource of the template and an attribute its type has (E1019 for the same mistake
/// in a dotted Fn::Sub variable, <c>${Res.Attr}</c>). Custom and third-party resources may have any attribute.
/// </summary>
internal sealed class GetAttTargetsRule : ITemplateRule
{
    public string Name => "Fn::GetAtt targets (E1010)";

    public void Check(RuleContext context)
    {
        var index = context.Index;
        foreach (var use in index.References.GetAtts)
        {
            if (!ReferenceScopes.IsChecked(context, use.Scope))
            {
                continue;
            }

            var rule = use.FromSub ? ValidationRules.Sub : ValidationRules.GetAtt;
            var what = use.FromSub ? $"Fn::Sub variable '${{{use.ResourceName}.{use.Attribute}}}'" : "Fn::GetAtt";
            if (!index.ResourceDecls.TryGetValue(use.ResourceName, out var resource))
            {
                var mayBeGenerated = index.HasForEach || index.IsModuleGenerated(use.ResourceName);
                if (use.Scope.Section is ReferenceSection.Conditions or ReferenceSection.Rules || !mayBeGenerated)
                {
                    context.Error(rule,
                        $"{what} names resource '{use.ResourceName}', which is not in the template{ReferenceScopes.Suggestion(index, use.ResourceName, false)}",
                        use.Node);
                }

                continue;
            }

            if (use.Attribute is { } attribute && resource.Spec is { } spec && !SpecAdjustments.HasAttribute(spec, attribute))
            {
                context.Error(rule,
                    $"{what}: {spec.Name} has no attribute '{attribute}'; it has {NodeDescriptions.OneOf(spec.Attributes.Keys, 20)}",
                    use.Node);
            }
        }
    }
}
