using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Strata.Templates.Spec;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>Settings of <see cref="CloudControlResourceProvider"/>.</summary>
public sealed record CloudControlProviderOptions
{
    /// <summary>The provider name the engine routes by (<c>--provider aws</c>).</summary>
    public string Name { get; init; } = "aws";

    /// <summary>A role for Cloud Control to act as (its <c>RoleArn</c>); null uses the caller's credentials.</summary>
    public string? RoleArn { get; init; }

    /// <summary>Where type facts come from: primary identifiers, Ref identifiers, tag properties.</summary>
    public ResourceSpecification Specification { get; init; } = ResourceSpecification.Default;
}

/// <summary>Engine client tokens in the form Cloud Control accepts.</summary>
public static partial class CloudControlClientToken
{
    /// <summary>
    /// The token unchanged when Cloud Control accepts it (<c>[-A-Za-z0-9+/=]</c>, 1 to 128 characters); otherwise a
    /// SHA-256 digest of it, so that the same engine token always maps to the same Cloud Control token and a
    /// retried or resumed call stays idempotent.
    /// </summary>
    public static string From(string token) => ValidToken().IsMatch(token)
        ? token
        : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    [GeneratedRegex("^[-A-Za-z0-9+/=]{1,128}$")]
    private static partial Regex ValidToken();
}
