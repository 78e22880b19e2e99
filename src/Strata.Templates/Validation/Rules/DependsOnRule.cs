using Strata.Templates.Syntax;

namespace Strata.Templates.Validation.Rules;

/// <summary>E3005: every DependsOn names another resource of the template.</summary>
internal sealed class DependsOnRule : ITemplateRule
{
    public string Name => "DependsOn targets (E3005)";

    public void Check(RuleContext context)
    {
        var index = context.Index;
        if (context.Transform.IsForeign)
        {
            return; // SAM and macros add resources that DependsOn may name
        }

        foreach (var resource in index.ResourceList)
        {
            foreach (var (target, node) in Targets(resource))
            {
                if (target == resource.Name)
                {
                    context.Error(ValidationRules.DependsOn, $"Resource '{resource.Name}' depends on itself", node);
                }
                else if (!index.IsResource(target) && !index.HasForEach && !index.IsModuleGenerated(target))
                {
                    context.Error(ValidationRules.DependsOn,
                        $"DependsOn names '{target}', which is not a resource of the template{ReferenceScopes.Suggestion(index, target, false)}",
                        node);
                }
            }
        }
    }

    /// <summary>The names a resource's DependsOn lists (a single name or a list of them).</summary>
    public static IEnumerable<(string Name, TemplateNode Node)> Targets(ResourceInfo resource)
    {
        switch (resource.Node?["DependsOn"])
        {
            case ScalarNode { Type: ScalarType.String } single:
                yield return (single.Text, single);
                break;
            case SequenceNode list:
                foreach (var item in list.Items)
                {
                    if (item is ScalarNode { Type: ScalarType.String } name)
                    {
                        yield return (name.Text, name);
                    }
                }

                break;
        }
    }
}
