namespace Strata.Engine.Execution;

/// <summary>Stack ids in CloudFormation's ARN form: <c>arn:aws:cloudformation:REGION:ACCOUNT:stack/NAME/GUID</c>.</summary>
public static class StackIds
{
    public static string New(string region, string accountId, string stackName) =>
        $"arn:aws:cloudformation:{region}:{accountId}:stack/{stackName}/{Guid.NewGuid()}";

    /// <summary>The stack name inside a stack id, or the text itself when it is not one.</summary>
    public static string NameOf(string stackIdOrName)
    {
        var marker = stackIdOrName.IndexOf(":stack/", StringComparison.Ordinal);
        if (marker < 0)
        {
            return stackIdOrName;
        }
        var rest = stackIdOrName[(marker + 7)..];
        var slash = rest.IndexOf('/');
        return slash < 0 ? rest : rest[..slash];
    }

    /// <summary>CloudFormation's stack name rule: a letter, then letters, digits and hyphens, at most 128 characters.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 128 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
