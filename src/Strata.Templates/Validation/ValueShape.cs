using Strata.Templates.Spec;
using Strata.Templates.Syntax;

namespace Strata.Templates.Validation;

/// <summary>
/// The coarse kinds of value an intrinsic function can produce and a property can take. Scalars are one kind
/// because CloudFormation converts between strings, numbers and booleans (as cfn-lint does by default).
/// </summary>
[Flags]
internal enum ValueShape
{
    None = 0,
    Scalar = 1,
    List = 2,
    Object = 4,
    Any = Scalar | List | Object,
}

internal static class ValueShapes
{
    /// <summary>What values a property of this type accepts.</summary>
    public static ValueShape Accepted(TypeSpec type) => type switch
    {
        PrimitiveTypeSpec { Kind: PrimitiveKind.Json } => ValueShape.Any,
        PrimitiveTypeSpec { Kind: PrimitiveKind.Any } => ValueShape.Any,
        PrimitiveTypeSpec => ValueShape.Scalar,
        ListTypeSpec => ValueShape.List,
        MapTypeSpec or NamedTypeSpec or TagTypeSpec => ValueShape.Object,
        UnionTypeSpec union => union.Types.Aggregate(ValueShape.None, (shape, t) => shape | Accepted(t)),
        _ => ValueShape.Any,
    };

    /// <summary>What an attribute of this type yields through Fn::GetAtt.</summary>
    public static ValueShape Produced(TypeSpec type) => type switch
    {
        PrimitiveTypeSpec { Kind: PrimitiveKind.Json or PrimitiveKind.Any } => ValueShape.Any,
        PrimitiveTypeSpec => ValueShape.Scalar,
        ListTypeSpec => ValueShape.List,
        MapTypeSpec or NamedTypeSpec or TagTypeSpec => ValueShape.Object,
        UnionTypeSpec union => union.Types.Aggregate(ValueShape.None, (shape, t) => shape | Produced(t)),
        _ => ValueShape.Any,
    };

    public static string Describe(ValueShape shape) => shape switch
    {
        ValueShape.Scalar => "a single value",
        ValueShape.List => "a list",
        ValueShape.Object => "a mapping",
        ValueShape.Scalar | ValueShape.List => "a single value or a list",
        ValueShape.Scalar | ValueShape.Object => "a single value or a mapping",
        ValueShape.List | ValueShape.Object => "a list or a mapping",
        _ => "any value",
    };

    /// <summary>The rule id cfn-lint reports when a function's result does not fit where it is used.</summary>
    public static string? RuleForFunction(string function) => function switch
    {
        "Ref" => ValidationRules.Ref,
        "Fn::GetAtt" => ValidationRules.GetAtt,
        "Fn::Join" => ValidationRules.Join,
        "Fn::Sub" => ValidationRules.Sub,
        "Fn::Split" => ValidationRules.Split,
        "Fn::GetAZs" => ValidationRules.GetAzs,
        "Fn::Cidr" => ValidationRules.Cidr,
        "Fn::Base64" => ValidationRules.Base64,
        "Fn::ImportValue" => ValidationRules.ImportValue,
        "Fn::ToJsonString" => ValidationRules.ToJsonString,
        "Fn::Length" => ValidationRules.Length,
        "Fn::Select" => ValidationRules.Select,
        "Fn::FindInMap" => ValidationRules.FindInMap,
        _ => null,
    };

    /// <summary>What a function call yields, as far as can be told without evaluating it.</summary>
    public static ValueShape OfFunction(string function, TemplateNode argument, TemplateIndex index) => function switch
    {
        "Ref" => OfRef(argument, index),
        "Fn::GetAtt" => OfGetAtt(argument, index),
        "Fn::Join" or "Fn::Sub" or "Fn::Base64" or "Fn::ImportValue" or "Fn::ToJsonString" or "Fn::Length" => ValueShape.Scalar,
        "Fn::Split" or "Fn::GetAZs" or "Fn::Cidr" => ValueShape.List,
        _ => ValueShape.Any,
    };

    private static ValueShape OfRef(TemplateNode argument, TemplateIndex index)
    {
        if (Intrinsics.AsName(argument) is not { } target)
        {
            return ValueShape.Any;
        }

        if (index.ParameterDecls.TryGetValue(target, out var parameter))
        {
            return parameter.Type is null ? ValueShape.Any : parameter.IsList ? ValueShape.List : ValueShape.Scalar;
        }

        if (index.ResourceDecls.ContainsKey(target))
        {
            return ValueShape.Scalar;
        }

        return target == "AWS::NotificationARNs" ? ValueShape.List
            : Intrinsics.PseudoParameters.Contains(target) ? ValueShape.Scalar
            : ValueShape.Any;
    }

    private static ValueShape OfGetAtt(TemplateNode argument, TemplateIndex index)
    {
        string? resource = null, attribute = null;
        switch (argument)
        {
            case ScalarNode scalar when scalar.Text.IndexOf('.') is var dot and > 0:
                resource = scalar.Text[..dot];
                attribute = scalar.Text[(dot + 1)..];
                break;
            case SequenceNode { Count: 2 } pair:
                resource = Intrinsics.AsName(pair[0]);
                attribute = Intrinsics.AsName(pair[1]);
                break;
        }

        if (resource is not null && attribute is not null
            && index.ResourceDecls.TryGetValue(resource, out var info)
            && info.Spec?.Attributes.TryGetValue(attribute, out var spec) == true)
        {
            return Produced(spec.Type);
        }

        return ValueShape.Any;
    }
}
