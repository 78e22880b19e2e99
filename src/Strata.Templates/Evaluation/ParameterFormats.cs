using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Strata.Templates.Evaluation;

/// <summary>
/// Offline format checks for AWS-specific parameter types (an account lookup is what CloudFormation
/// does; offline only the shape can be checked), placeholders of the right shape, and AllowedPattern
/// matching (full match, as CloudFormation's Java regexes do).
/// </summary>
public static partial class ParameterFormats
{
    private static readonly ConcurrentDictionary<string, Regex?> Patterns = new(StringComparer.Ordinal);

    /// <summary>Null when <paramref name="value"/> has the shape of <paramref name="awsType"/>; otherwise what is expected.</summary>
    public static string? CheckAwsValue(string awsType, string value) => awsType switch
    {
        "AWS::EC2::AvailabilityZone::Name" => AvailabilityZone().IsMatch(value) ? null : "an availability zone name such as us-east-1a",
        "AWS::EC2::Image::Id" => Id("ami", value),
        "AWS::EC2::Instance::Id" => Id("i", value),
        "AWS::EC2::SecurityGroup::Id" => Id("sg", value),
        "AWS::EC2::Subnet::Id" => Id("subnet", value),
        "AWS::EC2::Volume::Id" => Id("vol", value),
        "AWS::EC2::VPC::Id" => Id("vpc", value),
        "AWS::EC2::KeyPair::KeyName" or "AWS::EC2::SecurityGroup::GroupName" =>
            value.Length is > 0 and <= 255 ? null : "a name of 1 to 255 characters",
        "AWS::Route53::HostedZone::Id" => HostedZone().IsMatch(value) ? null : "a hosted zone id such as Z23ABC4XYZL05B",
        _ => null,
    };

    /// <summary>A value of the right shape for an AWS-specific type, for placeholders.</summary>
    public static string Placeholder(string awsType) => awsType switch
    {
        "AWS::EC2::AvailabilityZone::Name" => "us-east-1a",
        "AWS::EC2::Image::Id" => "ami-0123456789abcdef0",
        "AWS::EC2::Instance::Id" => "i-0123456789abcdef0",
        "AWS::EC2::SecurityGroup::Id" => "sg-0123456789abcdef0",
        "AWS::EC2::Subnet::Id" => "subnet-0123456789abcdef0",
        "AWS::EC2::Volume::Id" => "vol-0123456789abcdef0",
        "AWS::EC2::VPC::Id" => "vpc-0123456789abcdef0",
        "AWS::Route53::HostedZone::Id" => "Z0123456789ABCDEFGHIJ",
        _ => "placeholder",
    };

    /// <summary>
    /// Whether <paramref name="value"/> matches <paramref name="pattern"/> in full; null when the pattern
    /// is not a valid regular expression (or is too slow on this input to decide).
    /// </summary>
    public static bool? MatchesFully(string pattern, string value)
    {
        var regex = Patterns.GetOrAdd(pattern, Compile);
        if (regex is null)
        {
            return null;
        }

        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static Regex? Compile(string pattern)
    {
        try
        {
            // \A..\z rather than ^..$: '$' would also accept a trailing newline.
            return new Regex(@"\A(?:" + pattern + @")\z", RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Id(string prefix, string value) =>
        ResourceId().Match(value) is { Success: true } m && m.Groups[1].Value == prefix
            ? null
            : $"an id such as {prefix}-0123456789abcdef0";

    [GeneratedRegex(@"\A([a-z]+)-(?:[0-9a-f]{8}|[0-9a-f]{17})\z", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceId();

    [GeneratedRegex(@"\A[a-z]{2}(?:-[a-z0-9]+)+[a-z]\z", RegexOptions.CultureInvariant)]
    private static partial Regex AvailabilityZone();

    [GeneratedRegex(@"\A(?:/hostedzone/)?[A-Z0-9]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex HostedZone();
}
