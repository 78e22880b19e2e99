using Strata.Providers.Sandbox.Identity;

namespace Strata.Providers.Sandbox.Types;

/// <summary>IAM: global (region-less) ARNs with paths, and the unique ids IAM gives (AROA…, ANPA…, AKIA…).</summary>
internal static class IamProfiles
{
    public static void Register(Dictionary<string, TypeProfile> profiles)
    {
        profiles["AWS::IAM::Role"] = Role;
        profiles["AWS::IAM::InstanceProfile"] = c => Named(c, "InstanceProfileName", "instance-profile", uniqueIdPrefix: null);
        profiles["AWS::IAM::User"] = c => Named(c, "UserName", "user", uniqueIdPrefix: null);
        profiles["AWS::IAM::Group"] = c => Named(c, "GroupName", "group", uniqueIdPrefix: null);
        profiles["AWS::IAM::ManagedPolicy"] = ManagedPolicy;
        profiles["AWS::IAM::Policy"] = InlinePolicy;
        profiles["AWS::IAM::AccessKey"] = AccessKey;
    }

    private static string Role(CreationContext c)
    {
        var name = Named(c, "RoleName", "role", uniqueIdPrefix: "AROA");
        return name;
    }

    /// <summary>A path-qualified IAM entity; Ref is its name, Arn includes the path.</summary>
    private static string Named(CreationContext c, string nameProperty, string resourceKind, string? uniqueIdPrefix)
    {
        var name = c.NameOr(nameProperty, new NameRules(64));
        var path = c.Text("Path") ?? "/";
        c.Set("Arn", c.Arn("iam", $"{resourceKind}{path}{name}", regional: false));
        if (uniqueIdPrefix is not null)
        {
            c.Set(resourceKind == "role" ? "RoleId" : "Id", uniqueIdPrefix + c.Random.UpperAlnum(17));
        }
        return name;
    }

    private static string ManagedPolicy(CreationContext c)
    {
        var name = c.NameOr("ManagedPolicyName", new NameRules(128));
        var path = c.Text("Path") ?? "/";
        var arn = c.Arn("iam", $"policy{path}{name}", regional: false);
        c.Set("PolicyArn", arn);
        c.Set("PolicyId", "ANPA" + c.Random.UpperAlnum(17));
        c.Set("DefaultVersionId", "v1");
        c.Set("IsAttachable", true);
        c.Set("AttachmentCount", CountList(c, "Roles") + CountList(c, "Users") + CountList(c, "Groups"));
        c.Set("PermissionsBoundaryUsageCount", 0);
        c.Set("CreateDate", Names.Iso(c.Now));
        c.Set("UpdateDate", Names.Iso(c.Now));
        return arn;
    }

    private static int CountList(CreationContext c, string property) =>
        c.Properties[property] is System.Text.Json.Nodes.JsonArray list ? list.Count : 0;

    private static string InlinePolicy(CreationContext c)
    {
        // CloudFormation's physical id for an inline policy: a generated name of the stack (5 letters kept).
        var stackPart = c.Request.StackName.Length > 5 ? c.Request.StackName[..5] : c.Request.StackName;
        var id = $"{stackPart}-{c.Random.UpperAlnum(12)}";
        c.Set("Id", id);
        return id;
    }

    private static string AccessKey(CreationContext c)
    {
        var id = "AKIA" + c.Random.UpperAlnum(16);
        c.Set("Id", id);
        c.Set("SecretAccessKey", c.Random.Draw("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 40));
        return id;
    }
}
