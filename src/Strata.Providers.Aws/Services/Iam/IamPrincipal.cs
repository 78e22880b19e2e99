namespace Strata.Providers.Aws.Services.Iam;

/// <summary>Which IAM principal the simulator can evaluate for a caller identity.</summary>
public static class IamPrincipal
{
    /// <summary>
    /// An IAM user or role ARN unchanged; an STS assumed-role session as its role
    /// (<c>arn:aws:sts::123:assumed-role/Deployer/s1</c> to <c>arn:aws:iam::123:role/Deployer</c> — a role created
    /// with a path needs its full ARN given directly, since the session ARN omits the path); null for the root user
    /// and federated sessions, which the simulator does not accept.
    /// </summary>
    public static string? FromCallerArn(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn") return null;
        var (partition, service, account, resource) = (parts[1], parts[2], parts[4], parts[5]);
        if (service == "iam" && (resource.StartsWith("user/", StringComparison.Ordinal) || resource.StartsWith("role/", StringComparison.Ordinal)))
            return arn;
        if (service == "sts" && resource.StartsWith("assumed-role/", StringComparison.Ordinal))
        {
            var segments = resource.Split('/');
            return segments.Length >= 3 ? $"arn:{partition}:iam::{account}:role/{segments[1]}" : null;
        }
        return null;
    }
}
