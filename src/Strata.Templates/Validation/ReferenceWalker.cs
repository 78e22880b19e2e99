using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>Walks a subtree once and records every reference it holds into a <see cref="ReferenceIndex"/>.</summary>
internal sealed class ReferenceWalker(ReferenceIndex index, bool languageExtensions)
{
    public void Walk(TemplateNode node, ReferenceScope scope, bool inCondition)
    {
        switch (node)
        {
            case MappingNode map:
                if (Intrinsics.TryGetFunction(map, out var name, out var argument, inCondition))
                {
                    Record(map, name, argument, scope);
                    Walk(argument, scope, inCondition);
                    return;
                }

                foreach (var entry in map.Entries)
                {
                    var childScope = !scope.InForEach && entry.Key.StartsWith(Intrinsics.ForEachPrefix, StringComparison.Ordinal)
                        ? scope with { InForEach = true }
                        : scope;
                    Walk(entry.Value, childScope, inCondition);
                }

                break;
            case SequenceNode sequence:
                foreach (var item in sequence.Items)
                {
                    Walk(item, scope, inCondition);
                }

                break;
        }
    }

    private void Record(MappingNode call, string name, TemplateNode argument, ReferenceScope scope)
    {
        switch (name)
        {
            case "Ref" when Intrinsics.TargetName(argument, languageExtensions) is { } target:
                index.Refs.Add(new RefUse(target, call, scope));
                break;
            case "Fn::GetAtt":
                RecordGetAtt(call, argument, scope);
                break;
            case "Fn::Sub":
                RecordSub(call, argument, scope);
                break;
            case "Fn::If" when argument is SequenceNode { Count: > 0 } ifArgs && Intrinsics.AsName(ifArgs[0]) is { } condition:
                index.ConditionUses.Add(new ConditionUse(condition, ifArgs[0], ConditionUseKind.If, scope));
                break;
            case "Fn::FindInMap" when argument is SequenceNode { Count: >= 3 } lookup && Intrinsics.AsName(lookup[0]) is { } map
                                       && !Intrinsics.TryGetFunction(lookup[0], out _, out _):
                index.FindInMaps.Add(new FindInMapUse(
                    map, lookup[0], LiteralKey(lookup[1]), lookup[1], LiteralKey(lookup[2]), lookup[2],
                    lookup.Count > 3 && lookup[3] is MappingNode options && options.ContainsKey("DefaultValue"), scope));
                break;
            case "Fn::Transform":
                index.TransformCalls.Add(call);
                break;
            case "Condition" when Intrinsics.AsName(argument) is { } condition:
                index.ConditionUses.Add(new ConditionUse(condition, argument, ConditionUseKind.ConditionFunction, scope));
                break;
        }
    }

    private static string? LiteralKey(TemplateNode node) => node is ScalarNode { IsNull: false } scalar ? scalar.Text : null;

    private void RecordGetAtt(MappingNode call, TemplateNode argument, ReferenceScope scope)
    {
        switch (argument)
        {
            case ScalarNode { IsNull: false } dotted:
                var dot = dotted.Text.IndexOf('.');
                if (dot > 0)
                {
                    index.GetAtts.Add(new GetAttUse(dotted.Text[..dot], dotted.Text[(dot + 1)..], call, scope, false));
                }

                break;
            case SequenceNode { Count: 2 } pair when Intrinsics.TargetName(pair[0], languageExtensions) is { } resource:
                index.GetAtts.Add(new GetAttUse(resource, Intrinsics.TargetName(pair[1], languageExtensions), call, scope, false));
                break;
        }
    }

    private void RecordSub(MappingNode call, TemplateNode argument, ReferenceScope scope)
    {
        string? text;
        MappingNode? variables = null;
        switch (argument)
        {
            case ScalarNode scalar:
                text = scalar.Text;
                break;
            case SequenceNode { Count: >= 1 } sequence when sequence[0] is ScalarNode scalar:
                text = scalar.Text;
                variables = sequence.Count > 1 ? sequence[1] as MappingNode : null;
                break;
            default:
                return;
        }

        foreach (var variable in SubVariables.Variables(text))
        {
            if (variables?.ContainsKey(variable) == true)
            {
                continue;
            }

            var dot = variable.IndexOf('.');
            if (dot > 0)
            {
                index.GetAtts.Add(new GetAttUse(variable[..dot], variable[(dot + 1)..], call, scope, true));
            }
            else
            {
                index.SubVariables.Add(new SubVariableUse(variable, call, scope));
            }
        }
    }
}
