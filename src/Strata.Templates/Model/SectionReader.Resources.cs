using Strata.Templates.Functions;
using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

internal sealed partial class SectionReader
{
    private static readonly HashSet<string> ResourceKeys = new(StringComparer.Ordinal)
    {
        "Type", "Properties", "DependsOn", "Condition", "Metadata", "DeletionPolicy", "UpdateReplacePolicy",
        "CreationPolicy", "UpdatePolicy", "Version",
    };

    private static readonly HashSet<string> OutputKeys = new(StringComparer.Ordinal)
    {
        "Value", "Export", "Condition", "Description",
    };

    public DeclarationTable<ResourceDecl> ReadResources(MappingNode root)
    {
        var section = Section(root, TemplateSectionNames.Resources, ModelRules.ResourceStructure);
        if (section is null)
        {
            return DeclarationTable<ResourceDecl>.Empty;
        }

        var result = new List<ResourceDecl>(section.Count);
        foreach (var entry in section.Entries)
        {
            if (!entry.Key.StartsWith(ForEachPrefix, StringComparison.Ordinal))
            {
                result.Add(ReadResource(entry));
            }
        }

        return new DeclarationTable<ResourceDecl>(result);
    }

    private ResourceDecl ReadResource(MappingEntry entry)
    {
        var id = entry.Key;
        if (entry.Value is not MappingNode r)
        {
            Report(ModelRules.ResourceStructure, $"Resource '{id}' must be a mapping with a Type; got {FunctionExpression.Describe(entry.Value)}", entry.Value);
            return new ResourceDecl { LogicalId = id, Node = entry.Value, KeyLocation = entry.KeyLocation };
        }

        foreach (var key in r.Entries)
        {
            if (!ResourceKeys.Contains(key.Key) && !MacrosApply)
            {
                Report(ModelRules.ResourceStructure, $"Resource '{id}' has an unknown attribute '{key.Key}' (allowed: {string.Join(", ", ResourceKeys)})", key.Value);
            }
        }

        var type = "";
        if (r.TryGetValue("Type", out var typeNode) && typeNode is ScalarNode { Type: ScalarType.String } t && t.Text.Length > 0)
        {
            type = t.Text;
        }
        else
        {
            Report(ModelRules.ResourceStructure, $"Resource '{id}' needs a Type such as AWS::S3::Bucket", typeNode ?? r);
        }

        MappingNode? properties = null;
        Expression? propertiesExpression = null;
        if (r.TryGetValue("Properties", out var propertiesNode))
        {
            if (propertiesNode is MappingNode pm)
            {
                properties = pm;
                propertiesExpression = Expression.Parse(pm);
            }
            else if (propertiesNode is not ScalarNode { Type: ScalarType.Null })
            {
                Report(ModelRules.ResourceStructure, $"Resource '{id}' Properties must be a mapping; got {FunctionExpression.Describe(propertiesNode)}", propertiesNode);
            }
        }

        var deletionPolicy = r["DeletionPolicy"];
        var updateReplacePolicy = r["UpdateReplacePolicy"];
        return new ResourceDecl
        {
            LogicalId = id,
            Node = r,
            KeyLocation = entry.KeyLocation,
            Type = type,
            TypeNode = typeNode,
            Properties = properties,
            PropertiesExpression = propertiesExpression,
            DependsOn = ReadDependsOn(id, r["DependsOn"]),
            DependsOnNode = r["DependsOn"],
            Condition = ReadConditionName("Resource", id, r["Condition"], ModelRules.ResourceStructure),
            ConditionNode = r["Condition"],
            Metadata = r["Metadata"],
            MetadataExpression = ParseOptional(r["Metadata"]),
            DeletionPolicy = ScalarText(deletionPolicy),
            DeletionPolicyNode = deletionPolicy,
            DeletionPolicyExpression = deletionPolicy is MappingNode ? Expression.Parse(deletionPolicy) : null,
            UpdateReplacePolicy = ScalarText(updateReplacePolicy),
            UpdateReplacePolicyNode = updateReplacePolicy,
            UpdateReplacePolicyExpression = updateReplacePolicy is MappingNode ? Expression.Parse(updateReplacePolicy) : null,
            CreationPolicy = r["CreationPolicy"],
            CreationPolicyExpression = ParseOptional(r["CreationPolicy"]),
            UpdatePolicy = r["UpdatePolicy"],
            UpdatePolicyExpression = ParseOptional(r["UpdatePolicy"]),
        };
    }

    private IReadOnlyList<DependsOnEntry> ReadDependsOn(string id, TemplateNode? node)
    {
        switch (node)
        {
            case null:
                return [];
            case ScalarNode { Type: ScalarType.String } s when s.Text.Length > 0:
                return [new DependsOnEntry(s.Text, s)];
            case SequenceNode seq:
                var result = new List<DependsOnEntry>(seq.Count);
                foreach (var item in seq.Items)
                {
                    if (item is ScalarNode { Type: ScalarType.String } name && name.Text.Length > 0)
                    {
                        result.Add(new DependsOnEntry(name.Text, name));
                    }
                    else
                    {
                        Report(ModelRules.DependsOnStructure, $"Resource '{id}' DependsOn items must be resource logical ids; got {FunctionExpression.Describe(item)}", item);
                    }
                }

                return result;
            default:
                Report(ModelRules.DependsOnStructure, $"Resource '{id}' DependsOn must be a logical id or a list of them; got {FunctionExpression.Describe(node)}", node);
                return [];
        }
    }

    public DeclarationTable<OutputDecl> ReadOutputs(MappingNode root)
    {
        var section = Section(root, TemplateSectionNames.Outputs, ModelRules.OutputStructure);
        if (section is null)
        {
            return DeclarationTable<OutputDecl>.Empty;
        }

        var result = new List<OutputDecl>(section.Count);
        foreach (var entry in section.Entries)
        {
            if (!entry.Key.StartsWith(ForEachPrefix, StringComparison.Ordinal))
            {
                result.Add(ReadOutput(entry));
            }
        }

        return new DeclarationTable<OutputDecl>(result);
    }

    private OutputDecl ReadOutput(MappingEntry entry)
    {
        var name = entry.Key;
        if (entry.Value is not MappingNode o)
        {
            Report(ModelRules.OutputStructure, $"Output '{name}' must be a mapping with a Value; got {FunctionExpression.Describe(entry.Value)}", entry.Value);
            return new OutputDecl { Name = name, Node = entry.Value, KeyLocation = entry.KeyLocation };
        }

        foreach (var key in o.Entries)
        {
            if (!OutputKeys.Contains(key.Key))
            {
                Report(ModelRules.OutputStructure, $"Output '{name}' has an unknown property '{key.Key}' (allowed: {string.Join(", ", OutputKeys)})", key.Value);
            }
        }

        var value = o["Value"];
        if (value is null)
        {
            Report(ModelRules.OutputMissingValue, $"Output '{name}' needs a Value", o);
        }

        TemplateNode? exportName = null;
        if (o.TryGetValue("Export", out var export))
        {
            if (export is MappingNode e && e.TryGetValue("Name", out exportName))
            {
            }
            else
            {
                Report(ModelRules.OutputStructure, $"Output '{name}' Export must be a mapping with a Name", export);
            }
        }

        return new OutputDecl
        {
            Name = name,
            Node = o,
            KeyLocation = entry.KeyLocation,
            ValueNode = value,
            Value = ParseOptional(value),
            ExportNameNode = exportName,
            ExportName = ParseOptional(exportName),
            Condition = ReadConditionName("Output", name, o["Condition"], ModelRules.OutputStructure),
            ConditionNode = o["Condition"],
            Description = ScalarText(o["Description"]),
        };
    }

    public DeclarationTable<ConditionDecl> ReadConditions(MappingNode root)
    {
        var section = Section(root, TemplateSectionNames.Conditions, ModelRules.ConditionStructure);
        if (section is null)
        {
            return DeclarationTable<ConditionDecl>.Empty;
        }

        var result = new List<ConditionDecl>(section.Count);
        foreach (var entry in section.Entries)
        {
            if (entry.Key.StartsWith(ForEachPrefix, StringComparison.Ordinal))
            {
                continue;
            }

            if (!ExpressionParser.IsFunctionCall(entry.Value))
            {
                Report(ModelRules.ConditionStructure, $"Condition '{entry.Key}' must be a condition function (Fn::Equals, Fn::And, Fn::Or, Fn::Not, Condition); got {FunctionExpression.Describe(entry.Value)}", entry.Value);
            }

            result.Add(new ConditionDecl { Name = entry.Key, Node = entry.Value, KeyLocation = entry.KeyLocation, Expression = Expression.ParseCondition(entry.Value) });
        }

        return new DeclarationTable<ConditionDecl>(result);
    }

    private string? ReadConditionName(string kind, string name, TemplateNode? node, string rule)
    {
        if (node is null)
        {
            return null;
        }

        if (node is ScalarNode { Type: ScalarType.String } s && s.Text.Length > 0)
        {
            return s.Text;
        }

        Report(rule, $"{kind} '{name}' Condition must be the name of a condition; got {FunctionExpression.Describe(node)}", node);
        return null;
    }

    private static Expression? ParseOptional(TemplateNode? node) => node is null ? null : Expression.Parse(node);
}
