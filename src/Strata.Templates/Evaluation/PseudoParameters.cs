using Strata.Templates.Values;

namespace Strata.Templates.Evaluation;

/// <summary>
/// The values of CloudFormation's pseudo parameters for one stack. Partition and URL suffix follow from
/// the region unless given. The defaults are placeholders in the real formats, so that offline
/// evaluation of <c>!Select [2, !Split ["/", !Ref AWS::StackId]]</c> works.
/// </summary>
public sealed record PseudoParameters
{
    public const string AccountIdName = "AWS::AccountId";
    public const string NotificationArnsName = "AWS::NotificationARNs";
    public const string NoValueName = "AWS::NoValue";
    public const string PartitionName = "AWS::Partition";
    public const string RegionName = "AWS::Region";
    public const string StackIdName = "AWS::StackId";
    public const string StackNameName = "AWS::StackName";
    public const string UrlSuffixName = "AWS::URLSuffix";

    public static readonly PseudoParameters Default = new();

    /// <summary>
    /// For checking a template before any stack exists: the region is us-east-1 (as cfn-lint assumes), but
    /// account, stack name, stack id and notification ARNs are unknowns, so nothing is decided on placeholders.
    /// </summary>
    public static readonly PseudoParameters ForValidation = new() { UnknownStackIdentity = true };

    /// <summary>Every pseudo parameter name.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [AccountIdName, NotificationArnsName, NoValueName, PartitionName, RegionName, StackIdName, StackNameName, UrlSuffixName];

    public string Region { get; init; } = "us-east-1";

    public string AccountId { get; init; } = "123456789012";

    public string StackName { get; init; } = "strata-stack";

    /// <summary>The stack ARN; derived from partition, region, account and stack name when not given.</summary>
    public string? StackId { get; init; }

    public IReadOnlyList<string> NotificationArns { get; init; } = [];

    /// <summary>When true, AccountId, StackName, StackId and NotificationARNs evaluate to unknowns (see <see cref="ForValidation"/>).</summary>
    public bool UnknownStackIdentity { get; init; }

    /// <summary><c>aws</c>, <c>aws-cn</c>, <c>aws-us-gov</c>...; derived from the region when not given.</summary>
    public string? Partition { get; init; }

    /// <summary><c>amazonaws.com</c> or <c>amazonaws.com.cn</c>...; derived from the region when not given.</summary>
    public string? UrlSuffix { get; init; }

    public string EffectivePartition => Partition ?? PartitionOf(Region);

    public string EffectiveUrlSuffix => UrlSuffix ?? UrlSuffixOf(EffectivePartition);

    public string EffectiveStackId =>
        StackId ?? $"arn:{EffectivePartition}:cloudformation:{Region}:{AccountId}:stack/{StackName}/00000000-0000-0000-0000-000000000000";

    public static bool IsPseudoParameter(string name) =>
        name.StartsWith("AWS::", StringComparison.Ordinal) && Names.Contains(name, StringComparer.Ordinal);

    /// <summary>The value of pseudo parameter <paramref name="name"/>; false when it is not one.</summary>
    public bool TryGetValue(string name, out Value value)
    {
        if (UnknownStackIdentity && name is AccountIdName or StackIdName or StackNameName or NotificationArnsName)
        {
            value = new UnknownValue(name == NotificationArnsName ? ExpectedKind.List : ExpectedKind.String, name, UnknownReason.ParameterNotResolved);
            return true;
        }

        value = name switch
        {
            AccountIdName => Value.Str(AccountId),
            NotificationArnsName => Value.StringList(NotificationArns),
            NoValueName => Value.None,
            PartitionName => Value.Str(EffectivePartition),
            RegionName => Value.Str(Region),
            StackIdName => Value.Str(EffectiveStackId),
            StackNameName => Value.Str(StackName),
            UrlSuffixName => Value.Str(EffectiveUrlSuffix),
            _ => Value.Null,
        };
        return value is not NullValue;
    }

    public static string PartitionOf(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ when region.StartsWith("us-isob-", StringComparison.Ordinal) => "aws-iso-b",
        _ when region.StartsWith("us-iso-", StringComparison.Ordinal) => "aws-iso",
        _ when region.StartsWith("eu-isoe-", StringComparison.Ordinal) => "aws-iso-e",
        _ when region.StartsWith("us-isof-", StringComparison.Ordinal) => "aws-iso-f",
        _ => "aws",
    };

    public static string UrlSuffixOf(string partition) => partition switch
    {
        "aws-cn" => "amazonaws.com.cn",
        "aws-iso" => "c2s.ic.gov",
        "aws-iso-b" => "sc2s.sgov.gov",
        "aws-iso-e" => "cloud.adc-e.uk",
        "aws-iso-f" => "csp.hci.ic.gov",
        _ => "amazonaws.com",
    };
}
