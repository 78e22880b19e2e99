namespace Strata.Providers.Aws.Protocol;

/// <summary>The services Strata talks to, with their SDK ids, signing names and protocols.</summary>
public static class AwsServices
{
    public static readonly ServiceDescriptor Sts =
        new("STS", "sts", "sts", AwsProtocol.Query) { ApiVersion = "2011-06-15" };

    public static readonly ServiceDescriptor CloudFormation =
        new("CloudFormation", "cloudformation", "cloudformation", AwsProtocol.Query) { ApiVersion = "2010-05-15" };

    public static readonly ServiceDescriptor Ec2 =
        new("EC2", "ec2", "ec2", AwsProtocol.Ec2Query) { ApiVersion = "2016-11-15" };

    public static readonly ServiceDescriptor S3 = new("S3", "s3", "s3", AwsProtocol.RestXml);

    public static readonly ServiceDescriptor Sns =
        new("SNS", "sns", "sns", AwsProtocol.Query) { ApiVersion = "2010-03-31" };

    public static readonly ServiceDescriptor Lambda = new("Lambda", "lambda", "lambda", AwsProtocol.RestJson);

    public static readonly ServiceDescriptor Iam =
        new("IAM", "iam", "iam", AwsProtocol.Query)
        {
            ApiVersion = "2010-05-08", FixedSigningRegion = "us-east-1", DefaultHostTemplate = "iam.{dnsSuffix}",
        };

    public static readonly ServiceDescriptor Rds =
        new("RDS", "rds", "rds", AwsProtocol.Query) { ApiVersion = "2014-10-31" };

    public static readonly ServiceDescriptor CloudControl =
        new("CloudControl", "cloudcontrolapi", "cloudcontrolapi", AwsProtocol.Json10) { JsonTargetPrefix = "CloudApiService" };

    public static readonly ServiceDescriptor CostExplorer =
        new("Cost Explorer", "ce", "ce", AwsProtocol.Json11)
        {
            JsonTargetPrefix = "AWSInsightsIndexService", FixedSigningRegion = "us-east-1",
            DefaultHostTemplate = "ce.us-east-1.{dnsSuffix}",
        };

    public static readonly ServiceDescriptor Budgets =
        new("Budgets", "budgets", "budgets", AwsProtocol.Json11)
        {
            JsonTargetPrefix = "AWSBudgetServiceGateway", FixedSigningRegion = "us-east-1",
            DefaultHostTemplate = "budgets.{dnsSuffix}",
        };

    public static readonly ServiceDescriptor ServiceQuotas =
        new("Service Quotas", "servicequotas", "servicequotas", AwsProtocol.Json11) { JsonTargetPrefix = "ServiceQuotasV20190624" };

    public static readonly ServiceDescriptor Pricing =
        new("Pricing", "pricing", "api.pricing", AwsProtocol.Json11)
        {
            JsonTargetPrefix = "AWSPriceListService", FixedSigningRegion = "us-east-1",
            DefaultHostTemplate = "api.pricing.us-east-1.{dnsSuffix}",
        };
}
