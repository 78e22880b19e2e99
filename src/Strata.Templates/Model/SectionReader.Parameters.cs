using System.Globalization;
using Strata.Templates.Functions;
using Strata.Templates.Syntax;

namespace Strata.Templates.Model;

internal sealed partial class SectionReader
{
    private static readonly HashSet<string> ParameterKeys = new(StringComparer.Ordinal)
    {
        "Type", "Default", "AllowedValues", "AllowedPattern", "MinLength", "MaxLength", "MinValue", "MaxValue",
        "NoEcho", "ConstraintDescription", "Description",
    };

    public DeclarationTable<ParameterDecl> ReadParameters(MappingNode root)
    {
        var section = Section(root, TemplateSectionNames.Parameters, ModelRules.ParameterStructure);
        if (section is null)
        {
            return DeclarationTable<ParameterDecl>.Empty;
        }

        var result = new List<ParameterDecl>(section.Count);
        foreach (var entry in section.Entries)
        {
            result.Add(ReadParameter(entry));
        }

        return new DeclarationTable<ParameterDecl>(result);
    }

    private ParameterDecl ReadParameter(MappingEntry entry)
    {
        var name = entry.Key;
        if (entry.Value is not MappingNode p)
        {
            Report(ModelRules.ParameterStructure, $"Parameter '{name}' must be a mapping with a Type; got {FunctionExpression.Describe(entry.Value)}", entry.Value);
            return new ParameterDecl { Name = name, Node = entry.Value, KeyLocation = entry.KeyLocation };
        }

        foreach (var key in p.Entries)
        {
            if (!ParameterKeys.Contains(key.Key))
            {
                Report(ModelRules.ParameterStructure, $"Parameter '{name}' has an unknown property '{key.Key}' (allowed: {string.Join(", ", ParameterKeys)})", key.Value);
            }
        }

        var type = "";
        if (p.TryGetValue("Type", out var typeNode) && typeNode is ScalarNode { Type: ScalarType.String } t)
        {
            type = t.Text;
        }
        else
        {
            Report(ModelRules.ParameterStructure, $"Parameter '{name}' needs a Type (String, Number, CommaDelimitedList, ...)", typeNode ?? p);
        }

        var typeInfo = ParameterType.Parse(type);
        if (type.Length > 0 && !typeInfo.IsSupported)
        {
            Report(ModelRules.UnsupportedParameterType, $"Parameter '{name}' has type '{type}', which CloudFormation does not support", typeNode!);
        }

        return new ParameterDecl
        {
            Name = name,
            Node = p,
            KeyLocation = entry.KeyLocation,
            Type = type,
            TypeInfo = typeInfo,
            DefaultNode = p["Default"],
            Default = ReadDefault(name, p["Default"]),
            AllowedValues = ReadAllowedValues(name, p["AllowedValues"]),
            AllowedValuesNode = p["AllowedValues"],
            AllowedPattern = ReadParameterString(name, p, "AllowedPattern"),
            AllowedPatternNode = p["AllowedPattern"],
            MinLength = ReadInteger(name, p, "MinLength"),
            MaxLength = ReadInteger(name, p, "MaxLength"),
            MinValue = ReadNumber(name, p, "MinValue"),
            MaxValue = ReadNumber(name, p, "MaxValue"),
            NoEcho = ReadNoEcho(name, p["NoEcho"]),
            ConstraintDescription = ReadParameterString(name, p, "ConstraintDescription"),
            Description = ReadParameterString(name, p, "Description"),
        };
    }

    private string? ReadDefault(string name, TemplateNode? node)
    {
        switch (node)
        {
            case null:
                return null;
            case ScalarNode { Type: ScalarType.Null }:
                Report(ModelRules.ParameterStructure, $"Parameter '{name}' has an empty Default; use '' for an empty string", node);
                return null;
            case ScalarNode s:
                return s.Text;
            case SequenceNode seq when seq.Items.All(i => i is ScalarNode { Type: not ScalarType.Null }):
                // A list default reads as the comma-separated text a CommaDelimitedList takes.
                return string.Join(',', seq.Items.Select(i => ((ScalarNode)i).Text));
            default:
                Report(ModelRules.ParameterStructure, $"Parameter '{name}' Default must be a string, number or list of strings; got {FunctionExpression.Describe(node)}", node);
                return null;
        }
    }

    private IReadOnlyList<string>? ReadAllowedValues(string name, TemplateNode? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node is SequenceNode seq && seq.Items.All(i => i is ScalarNode { Type: not ScalarType.Null }))
        {
            return seq.Items.Select(i => ((ScalarNode)i).Text).ToArray();
        }

        Report(ModelRules.ParameterStructure, $"Parameter '{name}' AllowedValues must be a list of strings; got {FunctionExpression.Describe(node)}", node);
        return null;
    }

    private string? ReadParameterString(string name, MappingNode p, string key)
    {
        if (!p.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is ScalarNode { Type: not ScalarType.Null } s)
        {
            return s.Text;
        }

        Report(ModelRules.ParameterStructure, $"Parameter '{name}' {key} must be a string; got {FunctionExpression.Describe(node)}", node);
        return null;
    }

    private int? ReadInteger(string name, MappingNode p, string key)
    {
        if (!p.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is ScalarNode { Type: ScalarType.Number or ScalarType.String } s
            && int.TryParse(s.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        Report(ModelRules.ParameterStructure, $"Parameter '{name}' {key} must be a non-negative integer; got {FunctionExpression.Describe(node)}", node);
        return null;
    }

    private double? ReadNumber(string name, MappingNode p, string key)
    {
        if (!p.TryGetValue(key, out var node))
        {
            return null;
        }

        if (TryNumber(node, out var value))
        {
            return value;
        }

        Report(ModelRules.ParameterStructure, $"Parameter '{name}' {key} must be a number; got {FunctionExpression.Describe(node)}", node);
        return null;
    }

    private bool ReadNoEcho(string name, TemplateNode? node)
    {
        if (node is null)
        {
            return false;
        }

        if (node is ScalarNode s && (s.AsBoolean() ?? (bool.TryParse(s.Text, out var b) ? b : null)) is { } value)
        {
            return value;
        }

        Report(ModelRules.ParameterStructure, $"Parameter '{name}' NoEcho must be true or false; got {FunctionExpression.Describe(node)}", node);
        return false;
    }
}
