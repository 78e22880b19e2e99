using System.Text;

namespace Strata.Providers.Sandbox.Identity;

/// <summary>How a generated name may be spelt for a type (S3 buckets: lower case, 63 characters…).</summary>
internal sealed record NameRules(int MaxLength = 128, bool LowerCase = false, string? Suffix = null)
{
    public static NameRules Default { get; } = new();
}

/// <summary>Identifier and name formats shared by the type profiles.</summary>
internal static class Names
{
    /// <summary>
    /// An EC2-style identifier: the prefix, a dash and 17 hex digits, the first one 0 as in every id
    /// AWS has issued since the longer format (e.g. <c>i-0a1b2c3d4e5f67890</c>).
    /// </summary>
    public static string Ec2Id(DeterministicRandom random, string prefix) => $"{prefix}-0{random.Hex(16)}";

    /// <summary>
    /// The name CloudFormation gives a resource whose template names none:
    /// <c>{stack}-{logicalId}-{13 random upper-case letters and digits}</c>, with the stack and logical id
    /// shortened to fit the type's length limit.
    /// </summary>
    public static string Generated(DeterministicRandom random, string stack, string logicalId, NameRules rules)
    {
        var suffix = "-" + random.UpperAlnum(13) + (rules.Suffix ?? "");
        var budget = Math.Max(2, rules.MaxLength - suffix.Length - 1);
        var stackPart = stack;
        var logicalPart = logicalId;
        if (stackPart.Length + logicalPart.Length > budget)
        {
            // Keep a fair share of each, as CloudFormation does, so both stay recognisable.
            var stackShare = Math.Min(stackPart.Length, Math.Max(1, budget / 2));
            var logicalShare = Math.Min(logicalPart.Length, budget - stackShare);
            stackShare = Math.Min(stackPart.Length, budget - logicalShare);
            stackPart = stackPart[..stackShare];
            logicalPart = logicalPart[..logicalShare];
        }
        var name = $"{stackPart}-{logicalPart}{suffix}";
        return rules.LowerCase ? LowerDns(name) : name;
    }

    /// <summary>Lower case, with anything but letters, digits, dots and dashes turned into dashes (S3, RDS).</summary>
    public static string LowerDns(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToLowerInvariant())
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '-');
        }
        return text.ToString();
    }

    /// <summary>A timestamp in the form AWS uses in ARNs and attributes (DynamoDB stream labels).</summary>
    public static string StreamLabel(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
