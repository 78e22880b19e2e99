using System.Runtime.CompilerServices;
using Strata.Templates.Diagnostics;
using Strata.Templates.Spec;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>
/// Checks the property values of one resource against its type in the specification: unknown properties
/// (E3002), missing required ones (E3003), wrong types (E3012) — nested property types, lists, maps, numbers
/// and booleans written as strings — allowed values (E3030), and intrinsic functions whose result cannot have
/// the type the property needs (reported under the function's own rule, as cfn-lint does).
/// </summary>
internal sealed class PropertyValueChecker
{
    private static readonly IReadOnlyDictionary<string, PropertySpec> TagProperties = new Dictionary<string, PropertySpec>(StringComparer.Ordinal)
    {
        ["Key"] = new("Key", TypeSpec.String, TypeSpec.String, required: true, Replacement.Mutable, deprecated: false),
        ["Value"] = new("Value", TypeSpec.String, TypeSpec.String, required: true, Replacement.Mutable, deprecated: false),
    };

    // Stands in for maps whose values CloudFormation converts itself (see SpecAdjustments.TakesAnyValues).
    private static readonly MapTypeSpec AnyValueMap = new(TypeSpec.Any);

    // The specification caches decoded types, so the same property dictionary comes back for every resource of
    // a type: remembering its required names avoids re-scanning it per resource.
    private static readonly ConditionalWeakTable<IReadOnlyDictionary<string, PropertySpec>, string[]> RequiredNames = new();

    private readonly RuleContext _context;
    private readonly ResourceTypeSpec _type;

    // While trying the members of a union type, findings are collected here instead of being reported.
    private List<Diagnostic>? _trial;

    public PropertyValueChecker(RuleContext context, ResourceTypeSpec type)
    {
        _context = context;
        _type = type;
    }

    public void CheckResource(MappingNode resource, MappingEntry resourceEntry)
    {
        var properties = resource.GetEntry("Properties");
        if (properties is null || properties.Value is ScalarNode { IsNull: true } || Intrinsics.IsNoValue(properties.Value))
        {
            foreach (var name in Required(_type.Properties))
            {
                Report(ValidationRules.RequiredProperty,
                    $"Required property '{name}' of {_type.Name} is missing (the resource has no Properties)",
                    new PropertySite(resource, (properties?.KeyLocation).GetValueOrDefault(resourceEntry.KeyLocation)));
            }

            return;
        }

        if (properties.Value is MappingNode)
        {
            // Anything else is not a mapping of properties, which the model builder reports.
            CheckObjectValue(properties.Value, _type.Properties, _type.Name, PropertySite.ForEntry(properties));
        }
    }

    private void CheckObjectValue(TemplateNode node, IReadOnlyDictionary<string, PropertySpec> properties, string owner, PropertySite site)
    {
        switch (node)
        {
            case MappingNode map when Intrinsics.TryGetFunction(map, out var name, out var argument):
                if (name == "Fn::If")
                {
                    FnIf.ForEachBranch(argument, branch => CheckObjectValue(branch, properties, owner, PropertySite.ForNode(branch)));
                }
                else if (!Intrinsics.IsNoValue(map) && (ValueShapes.OfFunction(name, argument, _context.Index) & ValueShape.Object) == 0)
                {
                    Report(ValueShapes.RuleForFunction(name) ?? ValidationRules.PropertyType,
                        $"{name} does not yield a mapping, but {site.Subject} must be a mapping of {owner} properties", site);
                }

                break;
            case MappingNode map:
                CheckObject(map, properties, owner, site);
                break;
            case ScalarNode { IsNull: true }:
                break;
            default:
                Report(ValidationRules.PropertyType,
                    $"{site.Subject} must be a mapping of {owner} properties, not {NodeDescriptions.Describe(node)}", site);
                break;
        }
    }

    private void CheckObject(MappingNode map, IReadOnlyDictionary<string, PropertySpec> properties, string owner, PropertySite site)
    {
        if (properties.Count == 0)
        {
            return; // the specification gives no shape: any object is accepted
        }

        var generated = false;
        foreach (var entry in map.Entries)
        {
            if (entry.Key.StartsWith(Intrinsics.ForEachPrefix, StringComparison.Ordinal) || entry.Key == "Fn::Transform")
            {
                generated = true; // properties appear only once the fragment is expanded
                continue;
            }

            if (properties.TryGetValue(entry.Key, out var property))
            {
                var topLevel = ReferenceEquals(properties, _type.Properties);
                if (topLevel && IsPackagedPath(entry))
                {
                    continue;
                }

                var type = property.Type is MapTypeSpec && SpecAdjustments.TakesAnyValues(_type.Name, topLevel ? null : owner, entry.Key)
                    ? AnyValueMap
                    : property.Type;
                CheckValue(entry.Value, type, PropertySite.ForEntry(entry));
            }
            else
            {
                Report(ValidationRules.UnknownProperty,
                    $"'{entry.Key}' is not a property of {owner}{Suggestions.DidYouMean(entry.Key, properties.Keys)}", PropertySite.ForEntry(entry));
            }
        }

        if (generated)
        {
            return;
        }

        foreach (var name in Required(properties))
        {
            if (!map.TryGetValue(name, out var value) || Intrinsics.IsNoValue(value))
            {
                Report(ValidationRules.RequiredProperty, $"Required property '{name}' of {owner} is missing", site);
            }
            else if (FnIf.ConditionRemoving(value) is { } condition)
            {
                Report(ValidationRules.RequiredProperty,
                    $"Required property '{name}' of {owner} is missing when condition '{condition.Name}' is {(condition.When ? "true" : "false")} (Fn::If gives AWS::NoValue)",
                    PropertySite.ForEntry(map.GetEntry(name)!));
            }
        }
    }

    /// <summary>A local path where <c>aws cloudformation package</c> puts an S3 location: fine, with a warning.</summary>
    private bool IsPackagedPath(MappingEntry entry)
    {
        if (entry.Value is not ScalarNode { Type: ScalarType.String } path || !PackagedProperties.IsPackaged(_type.Name, entry.Key))
        {
            return false;
        }

        if (!PackagedProperties.IsRemote(path.Text) && !_context.Transform.HasServerless && !path.Text.StartsWith("{{resolve:", StringComparison.Ordinal))
        {
            Report(Diagnostic.Warning(ValidationRules.PackagedProperty,
                $"'{entry.Key}' is the local path '{NodeDescriptions.Shorten(path.Text)}', which works only after 'aws cloudformation package' uploads it",
                path.Path, entry.KeyLocation));
        }

        return true;
    }

    private void CheckValue(TemplateNode node, TypeSpec type, PropertySite site)
    {
        if (node is ScalarNode { IsNull: true })
        {
            return; // CloudFormation drops null properties, and cfn-lint accepts them
        }

        if (Intrinsics.TryGetFunction(node, out var name, out var argument))
        {
            CheckFunction(name, argument, type, site);
            return;
        }

        switch (type)
        {
            case PrimitiveTypeSpec primitive:
                CheckPrimitive(node, primitive, site);
                break;
            case ListTypeSpec list when node is SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    CheckValue(item, list.Item, PropertySite.ForNode(item));
                }

                break;
            case MapTypeSpec map when node is MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    if (!entry.Key.StartsWith(Intrinsics.ForEachPrefix, StringComparison.Ordinal))
                    {
                        CheckValue(entry.Value, map.Value, PropertySite.ForEntry(entry));
                    }
                }

                break;
            case NamedTypeSpec named when node is MappingNode mapping:
                if (_type.TryGetPropertyType(named, out var propertyType))
                {
                    CheckObject(mapping, propertyType.Properties, named.Name, site);
                }

                break;
            case TagTypeSpec when node is MappingNode mapping:
                CheckObject(mapping, TagProperties, "a tag", site);
                break;
            case UnionTypeSpec union:
                CheckUnion(node, union, site);
                break;
            case ListTypeSpec or MapTypeSpec or NamedTypeSpec or TagTypeSpec:
                ReportType(node, type, site);
                break;
        }
    }

    private void CheckFunction(string name, TemplateNode argument, TypeSpec type, PropertySite site)
    {
        switch (name)
        {
            case "Ref" when argument is ScalarNode { Text: Intrinsics.NoValue }:
            case "Fn::Transform":
                return;
            case "Fn::If":
                FnIf.ForEachBranch(argument, branch => CheckValue(branch, type, PropertySite.ForNode(branch)));
                return;
        }

        var produced = ValueShapes.OfFunction(name, argument, _context.Index);
        if ((produced & ValueShapes.Accepted(type)) == 0)
        {
            Report(ValueShapes.RuleForFunction(name) ?? ValidationRules.PropertyType,
                $"{name} yields {ValueShapes.Describe(produced)}, but {site.Subject} must be {SpecTypeDescriptions.Describe(type)}", site);
        }
    }

    private void CheckPrimitive(TemplateNode node, PrimitiveTypeSpec type, PropertySite site)
    {
        if (type.Kind is PrimitiveKind.Json or PrimitiveKind.Any)
        {
            return;
        }

        if (node is not ScalarNode scalar || !ScalarValues.Fits(scalar, type.Kind))
        {
            ReportType(node, type, site);
            return;
        }

        if (type.AllowedValues is { } allowed && !ScalarValues.IsAllowed(scalar, allowed))
        {
            Report(ValidationRules.AllowedValue,
                $"{site.Subject} is '{NodeDescriptions.Shorten(scalar.Text)}', which is not one of {NodeDescriptions.OneOf(allowed)}", site);
        }
    }

    private void CheckUnion(TemplateNode node, UnionTypeSpec union, PropertySite site)
    {
        var outer = _trial;
        List<Diagnostic>? closest = null;
        // A function call is a mapping in the tree but stands for whatever it yields: try every member.
        var shape = node switch
        {
            _ when Intrinsics.TryGetFunction(node, out _, out _) => ValueShape.Any,
            SequenceNode => ValueShape.List,
            MappingNode => ValueShape.Object,
            _ => ValueShape.Scalar,
        };
        foreach (var member in union.Types)
        {
            if ((ValueShapes.Accepted(member) & shape) == 0)
            {
                continue;
            }

            var trial = new List<Diagnostic>();
            _trial = trial;
            try
            {
                CheckValue(node, member, site);
            }
            finally
            {
                _trial = outer;
            }

            if (trial.Count == 0)
            {
                return;
            }

            if (closest is null || trial.Count < closest.Count)
            {
                closest = trial;
            }
        }

        if (closest is null)
        {
            ReportType(node, union, site);
            return;
        }

        foreach (var finding in closest)
        {
            Report(finding);
        }
    }

    private static string[] Required(IReadOnlyDictionary<string, PropertySpec> properties) =>
        RequiredNames.GetValue(properties, static p => p.Values.Where(v => v.Required).Select(v => v.Name).ToArray());

    private void ReportType(TemplateNode node, TypeSpec type, PropertySite site) =>
        Report(ValidationRules.PropertyType,
            $"{site.Subject} must be {SpecTypeDescriptions.Describe(type)}, not {NodeDescriptions.Describe(node)}", site);

    private void Report(string rule, string message, PropertySite site) =>
        Report(Diagnostic.Error(rule, message, site.Path, site.Location));

    private void Report(Diagnostic diagnostic)
    {
        if (_trial is not null)
        {
            _trial.Add(diagnostic);
        }
        else
        {
            _context.Report(diagnostic);
        }
    }
}
