using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Identity;
using Strata.Providers.Sandbox.Network;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox.Types;

/// <summary>
/// Everything a type profile needs to give a new resource its identity: the request, a seeded random
/// stream, the account and region, the network (subnets, addresses) and the model being built.
/// </summary>
internal sealed class CreationContext(
    ResourceRequest request,
    ResourceTypeSpec spec,
    DeterministicRandom random,
    string region,
    string accountId,
    DateTimeOffset now,
    NetworkDirectory network)
{
    public ResourceRequest Request { get; } = request;
    public ResourceTypeSpec Spec { get; } = spec;
    public DeterministicRandom Random { get; } = random;
    public string Region { get; } = region;
    public string AccountId { get; } = accountId;
    public DateTimeOffset Now { get; } = now;
    public NetworkDirectory Network { get; } = network;

    public string TypeName => Request.TypeName;
    public JsonObject Properties => Request.DesiredState;

    /// <summary>The model being built: the desired properties, plus what the profile generates.</summary>
    public JsonObject Model { get; } = (JsonObject)request.DesiredState.DeepClone();

    /// <summary>What a quota counts within besides the region (a VPC id, a zone), set by profiles that need it.</summary>
    public string? Scope { get; set; }

    /// <summary>vCPUs counted against the On-Demand instances quota.</summary>
    public int Vcpus { get; set; }

    /// <summary>The physical id, once the profile has chosen it (addresses are claimed in its name).</summary>
    public string? PhysicalId { get; set; }

    /// <summary>The ARN partition of the region.</summary>
    public string Partition => Region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
        : Region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov" : "aws";

    /// <summary>The AWS domain suffix of the region's endpoints.</summary>
    public string DnsSuffix => Region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";

    /// <summary>A desired property as text (numbers and booleans in their JSON spelling), or null.</summary>
    public string? Text(string property)
    {
        var text = JsonValues.ScalarText(Properties[property]);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    public bool Flag(string property) => JsonValues.TryGetLenientBoolean(Properties[property], out var flag) && flag;

    public double? Number(string property) => JsonValues.TryGetLenientNumber(Properties[property], out var n) ? n : null;

    /// <summary>The name the template gave in <paramref name="property"/>, or one CloudFormation-style; recorded in the model.</summary>
    public string NameOr(string property, NameRules rules)
    {
        var name = Text(property) ?? Names.Generated(Random, Request.StackName, Request.LogicalId, rules);
        Model[property] = name;
        return name;
    }

    /// <summary>A CloudFormation-style generated name (not recorded anywhere).</summary>
    public string GeneratedName(NameRules? rules = null) =>
        Names.Generated(Random, Request.StackName, Request.LogicalId, rules ?? NameRules.Default);

    public string Arn(string service, string resource, bool regional = true, bool inAccount = true) =>
        $"arn:{Partition}:{service}:{(regional ? Region : "")}:{(inAccount ? AccountId : "")}:{resource}";

    /// <summary>Sets an attribute; a dotted name (<c>Endpoint.Address</c>) sets a nested value.</summary>
    public void Set(string attribute, JsonNode? value) => ModelPaths.Set(Model, attribute, value);

    public bool Has(string attribute) => ModelPaths.Get(Model, attribute) is not null;

    /// <summary>The availability zone asked for, or a seeded one of the region's.</summary>
    public string Zone(string? requested = null)
    {
        var zones = Regions.AvailabilityZones(Region);
        requested ??= Text("AvailabilityZone");
        return requested is not null && zones.Contains(requested) ? requested : zones[Random.Next(zones.Count)];
    }

    public SandboxFault Invalid(string message) => new(HandlerErrorCode.InvalidRequest, message);
}
