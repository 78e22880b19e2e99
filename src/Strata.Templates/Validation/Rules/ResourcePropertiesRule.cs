using Strata.Templates.Syntax;

namespace Strata.Templates.Validation.Rules;

/// <summary>
/// E3002/E3003/E3012/E3030 for resources whose type is in the specification (see <see cref="PropertyValueChecker"/>),
/// and E3003 for custom resources without a ServiceToken. Third-party types are checked structurally only, which
/// the model builder does for every resource (Properties is a mapping).
/// </summary>
internal sealed class ResourcePropertiesRule : ITemplateRule
{
    public string Name => "resource properties (E3002/E3003/E3012/E3030)";

    public void Check(RuleContext context)
    {
        if (context.Transform.HasMacros)
        {
            return;
        }

        foreach (var resource in context.Index.ResourceList)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (resource.Node is not { } node)
            {
                continue;
            }

            switch (resource.Kind)
            {
                case ResourceKind.Specified when resource.Spec!.RequiredTransform is null:
                    new PropertyValueChecker(context, resource.Spec).CheckResource(node, resource.Entry);
                    break;
                case ResourceKind.Custom:
                    CheckServiceToken(context, resource, node);
                    break;
            }
        }
    }

    private static void CheckServiceToken(RuleContext context, ResourceInfo info, MappingNode resource)
    {
        var properties = resource.GetEntry("Properties");
        if (properties?.Value is MappingNode map)
        {
            if (Intrinsics.TryGetFunction(map, out _, out _) || map.Keys.Any(k => k.StartsWith(Intrinsics.ForEachPrefix, StringComparison.Ordinal)))
            {
                return;
            }

            if (!map.TryGetValue("ServiceToken", out var token) || Intrinsics.IsNoValue(token))
            {
                context.ErrorAtKey(ValidationRules.RequiredProperty,
                    $"Custom resource '{info.Name}' has no ServiceToken (the ARN of the Lambda function or SNS topic that provides it)",
                    resource, properties);
            }

            return;
        }

        if (properties is null || properties.Value is ScalarNode { IsNull: true })
        {
            context.Error(ValidationRules.RequiredProperty,
                $"Custom resource '{info.Name}' has no ServiceToken (the ARN of the Lambda function or SNS topic that provides it)",
                info.Path, info.Entry.KeyLocation);
        }
    }
}
