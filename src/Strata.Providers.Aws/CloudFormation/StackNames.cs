using Strata.Providers.Aws.Services.CloudFormation;

namespace Strata.Providers.Aws.CloudFormation;

internal static class StackNames
{
    /// <summary>CloudFormation's rule for stack names, checked before any call so that the error names the field.</summary>
    public static void Validate(string stackName)
    {
        if (!IsValid(stackName))
        {
            throw new CloudFormationDeploymentException(
                $"Stack name '{stackName}' is not valid for CloudFormation: use 1-128 letters, digits and hyphens, starting with a letter.");
        }
    }

    public static bool IsValid(string stackName) =>
        stackName.Length is > 0 and <= 128 && char.IsAsciiLetter(stackName[0]) && stackName.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>Stack-level events name the stack as their resource.</summary>
    public static bool IsStackLevel(StackEvent e, string stackId, string stackName) =>
        e.ResourceType == "AWS::CloudFormation::Stack" && (e.PhysicalResourceId == stackId || e.LogicalResourceId == stackName);
}
