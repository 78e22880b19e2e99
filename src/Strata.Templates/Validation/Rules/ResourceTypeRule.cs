using System.Runtime.CompilerServices;
using Strata.Templates.Spec;

namespace Strata.Templates.Validation.Rules;

/// <summary>
/// E3006: an <c>AWS::</c>/<c>Alexa::</c> resource type the specification does not know. Custom resources and
/// registry-style third-party types are not in the specification by nature and are checked structurally instead.
/// </summary>
internal sealed class ResourceTypeRule : ITemplateRule
{
    private static readonly ConditionalWeakTable<ResourceSpecification, Dictionary<string, string>> CaseInsensitiveNames = new();

    public string Name => "resource type (E3006)";

    public void Check(RuleContext context)
    {
        if (context.Transform.HasMacros)
        {
            return; // a macro may define types of its own
        }

        foreach (var resource in context.Index.ResourceList)
        {
            if (resource.Kind != ResourceKind.Unknown || resource.TypeNode is null)
            {
                continue;
            }

            var message = $"Resource type '{resource.TypeName}' does not exist in the resource specification";
            if (Suggest(context.Spec, resource.TypeName!) is { } suggestion)
            {
                message += $"; did you mean '{suggestion}'?";
            }

            var typeEntry = resource.Node!.GetEntry("Type")!;
            context.ErrorAtKey(ValidationRules.ResourceType, message, resource.Node, typeEntry);
        }
    }

    private static string? Suggest(ResourceSpecification spec, string typeName)
    {
        var names = CaseInsensitiveNames.GetValue(spec, static s =>
        {
            var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in s.TypeNames)
            {
                map.TryAdd(name, name);
            }

            return map;
        });
        return names.GetValueOrDefault(typeName);
    }
}
