using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.Sts;

/// <summary>AWS Security Token Service: who am I ("test connection"), and AssumeRole.</summary>
public sealed class StsClient(AwsClientContext context)
{
    private readonly QueryProtocolClient _query = new(context, AwsServices.Sts);

    public AwsServicePipeline Pipeline => _query.Pipeline;

    public async Task<GetCallerIdentityResponse> GetCallerIdentityAsync(CancellationToken cancellationToken = default)
    {
        var response = await _query.InvokeAsync("GetCallerIdentity", null, cancellationToken).ConfigureAwait(false);
        var result = response.Result;
        return new GetCallerIdentityResponse(result.Text("Account") ?? "", result.Text("Arn") ?? "", result.Text("UserId") ?? "");
    }

    public async Task<AssumeRoleResponse> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken = default)
    {
        var parameters = _query.NewParameters()
            .Add("RoleArn", request.RoleArn)
            .Add("RoleSessionName", request.RoleSessionName)
            .Add("ExternalId", request.ExternalId)
            .Add("DurationSeconds", request.DurationSeconds)
            .Add("Policy", request.Policy)
            .AddList("Tags", request.Tags, (p, prefix, tag) => p.Add(prefix + ".Key", tag.Key).Add(prefix + ".Value", tag.Value));
        var response = await _query.InvokeAsync("AssumeRole", parameters, cancellationToken).ConfigureAwait(false);
        var result = response.Result;
        var credentials = result.Child("Credentials")
            ?? throw new AwsProtocolException($"STS AssumeRole for {request.RoleArn} returned no credentials.");
        var user = result.Child("AssumedRoleUser");
        return new AssumeRoleResponse(
            new StsCredentials(
                Required(credentials, "AccessKeyId"),
                Required(credentials, "SecretAccessKey"),
                Required(credentials, "SessionToken"),
                credentials.Date("Expiration")),
            new AssumedRoleUser(user.Text("Arn") ?? "", user.Text("AssumedRoleId") ?? ""),
            result.Int("PackedPolicySize"));
    }

    private static string Required(System.Xml.Linq.XElement element, string name) =>
        element.Text(name) is { Length: > 0 } value
            ? value
            : throw new AwsProtocolException($"STS AssumeRole returned credentials without {name}.");
}
