using Strata.Templates.Values;

namespace Strata.Templates.Model;

/// <summary>The families of parameter types CloudFormation accepts.</summary>
public enum ParameterCategory
{
    /// <summary>Not a type CloudFormation accepts.</summary>
    Unsupported,
    String,
    Number,

    /// <summary><c>List&lt;Number&gt;</c>.</summary>
    NumberList,
    CommaDelimitedList,

    /// <summary>An AWS-specific type such as <c>AWS::EC2::VPC::Id</c>.</summary>
    AwsSpecific,

    /// <summary>A list of an AWS-specific type, e.g. <c>List&lt;AWS::EC2::Subnet::Id&gt;</c>.</summary>
    AwsSpecificList,

    /// <summary><c>AWS::SSM::Parameter::Name</c>: the name of an SSM parameter (the value is the name itself).</summary>
    SsmParameterName,

    /// <summary><c>AWS::SSM::Parameter::Value&lt;T&gt;</c>: the value is read from SSM at deploy time.</summary>
    SsmParameterValue,
}

/// <summary>A parameter's declared type, classified.</summary>
public sealed class ParameterType
{
    private const string SsmValuePrefix = "AWS::SSM::Parameter::Value<";

    /// <summary>The AWS-specific types (usable alone and inside <c>List&lt;...&gt;</c>).</summary>
    public static readonly IReadOnlySet<string> AwsSpecificTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::EC2::AvailabilityZone::Name",
        "AWS::EC2::Image::Id",
        "AWS::EC2::Instance::Id",
        "AWS::EC2::KeyPair::KeyName",
        "AWS::EC2::SecurityGroup::GroupName",
        "AWS::EC2::SecurityGroup::Id",
        "AWS::EC2::Subnet::Id",
        "AWS::EC2::Volume::Id",
        "AWS::EC2::VPC::Id",
        "AWS::Route53::HostedZone::Id",
    };

    private ParameterType(string text, ParameterCategory category, string? elementType = null, ParameterType? ssmValueType = null)
    {
        Text = text;
        Category = category;
        ElementType = elementType;
        SsmValueType = ssmValueType;
    }

    /// <summary>The type as declared.</summary>
    public string Text { get; }

    public ParameterCategory Category { get; }

    /// <summary>For AWS-specific types (single or list): the AWS type, e.g. <c>AWS::EC2::Subnet::Id</c>.</summary>
    public string? ElementType { get; }

    /// <summary>For <c>AWS::SSM::Parameter::Value&lt;T&gt;</c>: the type T of the stored value.</summary>
    public ParameterType? SsmValueType { get; }

    public bool IsSupported => Category != ParameterCategory.Unsupported;

    /// <summary>True when the value is a list (CommaDelimitedList, List&lt;...&gt;, or an SSM value of a list type).</summary>
    public bool IsList => Category switch
    {
        ParameterCategory.NumberList or ParameterCategory.CommaDelimitedList or ParameterCategory.AwsSpecificList => true,
        ParameterCategory.SsmParameterValue => SsmValueType!.IsList,
        _ => false,
    };

    public ExpectedKind ExpectedKind => IsList ? ExpectedKind.List : ExpectedKind.String;

    public static ParameterType Parse(string text)
    {
        switch (text)
        {
            case "String":
                return new(text, ParameterCategory.String);
            case "Number":
                return new(text, ParameterCategory.Number);
            case "List<Number>":
                return new(text, ParameterCategory.NumberList);
            case "CommaDelimitedList":
            case "List<String>":
                return new(text, ParameterCategory.CommaDelimitedList);
            case "AWS::SSM::Parameter::Name":
                return new(text, ParameterCategory.SsmParameterName);
        }

        if (AwsSpecificTypes.Contains(text))
        {
            return new(text, ParameterCategory.AwsSpecific, text);
        }

        if (text.StartsWith("List<", StringComparison.Ordinal) && text.EndsWith('>'))
        {
            var inner = text[5..^1];
            if (AwsSpecificTypes.Contains(inner))
            {
                return new(text, ParameterCategory.AwsSpecificList, inner);
            }
        }

        if (text.StartsWith(SsmValuePrefix, StringComparison.Ordinal) && text.EndsWith('>'))
        {
            var inner = Parse(text[SsmValuePrefix.Length..^1]);
            if (inner.Category is ParameterCategory.String or ParameterCategory.CommaDelimitedList
                or ParameterCategory.AwsSpecific or ParameterCategory.AwsSpecificList)
            {
                return new(text, ParameterCategory.SsmParameterValue, inner.ElementType, inner);
            }
        }

        return new(text, ParameterCategory.Unsupported);
    }

    public override string ToString() => Text;
}
