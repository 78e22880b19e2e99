namespace Strata.Providers.Aws.CustomResources;

/// <summary>What a custom resource's ServiceToken names: a Lambda function or an SNS topic, in a region.</summary>
public sealed record ServiceTokenArn(ServiceTokenKind Kind, string Region, string Arn)
{
    /// <summary>
    /// Reads <c>arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]</c> or <c>arn:PARTITION:sns:REGION:ACCOUNT:TOPIC</c>;
    /// anything else is refused with the reason.
    /// </summary>
    public static ServiceTokenArn? TryParse(string serviceToken, out string problem)
    {
        problem = "";
        var parts = serviceToken.Split(':');
        if (parts.Length >= 6 && parts[0] == "arn" && parts[3].Length > 0 && parts[4].Length > 0)
        {
            if (parts[2] == "lambda" && parts[5] == "function" && parts.Length is 7 or 8 && parts[6].Length > 0)
            {
                return new ServiceTokenArn(ServiceTokenKind.LambdaFunction, parts[3], serviceToken);
            }
            if (parts[2] == "sns" && parts.Length == 6 && parts[5].Length > 0)
            {
                return new ServiceTokenArn(ServiceTokenKind.SnsTopic, parts[3], serviceToken);
            }
        }
        problem = "not the ARN of a Lambda function (arn:aws:lambda:REGION:ACCOUNT:function:NAME) or an SNS topic (arn:aws:sns:REGION:ACCOUNT:TOPIC)";
        return null;
    }
}

public enum ServiceTokenKind
{
    LambdaFunction,
    SnsTopic,
}
