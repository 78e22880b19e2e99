using System.Globalization;
using Strata.Templates.Diagnostics;
using Strata.Templates.Functions;
using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

/// <summary>Reads the sections of a template root into declarations, reporting shape problems.</summary>
internal sealed partial class SectionReader(DiagnosticBag diagnostics)
{
    private const string ForEachPrefix = "Fn::ForEach::";

    /// <summary>Set when a macro or SAM will rewrite the template: attributes they consume (e.g. Count) are not reported.</summary>
    public bool MacrosApply { get; set; }

    public string? ReadString(MappingNode root, string section, string rule)
    {
        if (root.TryGetValue(section, out var node))
        {
            if (node is ScalarNode { Type: not ScalarType.Null } s)
            {
                return s.Text;
            }

            Report(rule, $"{section} must be a string; got {FunctionExpression.Describe(node)}", node);
        }

        return null;
    }

    public IReadOnlyList<TransformDecl> ReadTransforms(MappingNode root)
    {
        if (!root.TryGetValue(TemplateSectionNames.Transform, out var node))
        {
            return [];
        }

        var result = new List<TransformDecl>();
        var items = node is SequenceNode seq ? seq.Items : [node];
        foreach (var item in items)
        {
            switch (item)
            {
                case ScalarNode { Type: ScalarType.String } s when s.Text.Length > 0:
                    result.Add(new TransformDecl(s.Text, null, s));
                    break;
                case MappingNode m when m.TryGetValue("Name", out var name) && name is ScalarNode { Type: ScalarType.String } n:
                    result.Add(new TransformDecl(n.Text, m["Parameters"] as MappingNode, m));
                    break;
                default:
                    Report(ModelRules.TransformStructure, $"Transform must be a transform name, a list of names or {{Name, Parameters}} mappings; got {FunctionExpression.Describe(item)}", item);
                    break;
            }
        }

        return result;
    }

    public DeclarationTable<MappingDecl> ReadMappings(MappingNode root)
    {
        var section = Section(root, TemplateSectionNames.Mappings, ModelRules.MappingStructure);
        if (section is null)
        {
            return DeclarationTable<MappingDecl>.Empty;
        }

        var result = new List<MappingDecl>(section.Count);
        foreach (var entry in section.Entries)
        {
            if (entry.Value is not MappingNode top || top.Count == 0)
            {
                Report(ModelRules.MappingStructure, $"Mapping '{entry.Key}' must be a non-empty mapping of top-level keys", entry.Value);
            }
            else
            {
                foreach (var second in top.Entries)
                {
                    if (second.Value is not MappingNode)
                    {
                        Report(ModelRules.MappingStructure, $"Mapping '{entry.Key}' key '{second.Key}' must be a mapping of second-level keys to values; got {FunctionExpression.Describe(second.Value)}", second.Value);
                    }
                }
            }

            result.Add(new MappingDecl { Name = entry.Key, Node = entry.Value, KeyLocation = entry.KeyLocation });
        }

        return new DeclarationTable<MappingDecl>(result);
    }

    public DeclarationTable<RuleDecl> ReadRules(MappingNode root)
    {
        var section = Section(root, TemplateSectionNames.Rules, ModelRules.RuleStructure);
        if (section is null)
        {
            return DeclarationTable<RuleDecl>.Empty;
        }

        var result = new List<RuleDecl>(section.Count);
        foreach (var entry in section.Entries)
        {
            if (entry.Value is not MappingNode rule)
            {
                Report(ModelRules.RuleStructure, $"Rule '{entry.Key}' must be a mapping with Assertions (and optionally RuleCondition)", entry.Value);
                result.Add(new RuleDecl { Name = entry.Key, Node = entry.Value, KeyLocation = entry.KeyLocation });
                continue;
            }

            var assertions = new List<RuleAssertion>();
            if (rule.TryGetValue("Assertions", out var assertionsNode) && assertionsNode is SequenceNode list)
            {
                foreach (var item in list.Items)
                {
                    if (item is MappingNode a && a.TryGetValue("Assert", out var assert))
                    {
                        assertions.Add(new RuleAssertion(Expression.ParseCondition(assert), (a["AssertDescription"] as ScalarNode)?.Text, a));
                    }
                    else
                    {
                        Report(ModelRules.RuleStructure, $"Each assertion of rule '{entry.Key}' must be a mapping with Assert (and optionally AssertDescription)", item);
                    }
                }
            }
            else
            {
                Report(ModelRules.RuleStructure, $"Rule '{entry.Key}' needs Assertions, a list of {{Assert, AssertDescription}}", assertionsNode ?? rule);
            }

            result.Add(new RuleDecl
            {
                Name = entry.Key,
                Node = rule,
                KeyLocation = entry.KeyLocation,
                RuleCondition = rule.TryGetValue("RuleCondition", out var condition) ? Expression.ParseCondition(condition) : null,
                Assertions = assertions,
            });
        }

        return new DeclarationTable<RuleDecl>(result);
    }

    /// <summary>A section's mapping; null (reporting when present but not a mapping) otherwise.</summary>
    private MappingNode? Section(MappingNode root, string name, string rule)
    {
        if (!root.TryGetValue(name, out var node))
        {
            return null;
        }

        if (node is MappingNode map)
        {
            return map;
        }

        if (node is not ScalarNode { Type: ScalarType.Null })
        {
            Report(rule, $"The {name} section must be a mapping; got {FunctionExpression.Describe(node)}", node);
        }
        else
        {
            Report(rule, $"The {name} section is empty; remove it or declare at least one entry", node);
        }

        return null;
    }

    private void Report(string rule, string message, TemplateNode at, Severity severity = Severity.Error) =>
        diagnostics.Add(new Diagnostic(rule, severity, message, at.Path, at.Location));

    private static string? ScalarText(TemplateNode? node) =>
        node is ScalarNode { Type: not ScalarType.Null } s ? s.Text : null;

    private static bool TryNumber(TemplateNode node, out double value)
    {
        value = 0;
        return node is ScalarNode { Type: ScalarType.Number or ScalarType.String } s
            && double.TryParse(s.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
