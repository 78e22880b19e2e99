using Strata.Engine.Planning;
using Strata.Templates.Spec;

namespace Strata.Engine.Templating;

/// <summary>Replacement behaviour from the resource specification's <c>causesReplacement</c> flags.</summary>
public sealed class SpecReplacementRules(ResourceSpecification specification) : IReplacementRules
{
    public static readonly SpecReplacementRules Default = new(ResourceSpecification.Default);

    public ReplacementKind ForProperty(string type, string property)
    {
        if (!specification.TryGetType(type, out var spec) || !spec.Properties.TryGetValue(property, out var propertySpec))
        {
            // Custom resources and unknown types: CloudFormation updates them in place.
            return ReplacementKind.Never;
        }
        return propertySpec.Replacement switch
        {
            Replacement.Immutable => ReplacementKind.Always,
            Replacement.Conditional => ReplacementKind.Conditional,
            _ => ReplacementKind.Never,
        };
    }

    public IReadOnlyList<IReadOnlyList<string>> AdditionalPaths(string type) =>
        specification.TryGetType(type, out var spec) ? spec.AdditionalReplacementPaths : [];
}
