namespace Strata.Providers.Aws.Protocol;

/// <summary>The wire protocols AWS services speak.</summary>
public enum AwsProtocol
{
    /// <summary>Form-encoded POST, XML responses, lists as <c>Name.member.N</c> (CloudFormation, STS, IAM, RDS).</summary>
    Query,

    /// <summary>EC2's variant of Query: lists as <c>Name.N</c>, errors as <c>Response/Errors/Error</c>.</summary>
    Ec2Query,

    /// <summary>POST of <c>application/x-amz-json-1.0</c> with an <c>X-Amz-Target</c> header (Cloud Control, DynamoDB).</summary>
    Json10,

    /// <summary>As <see cref="Json10"/> with <c>application/x-amz-json-1.1</c> (Cost Explorer, Budgets, Service Quotas, Pricing).</summary>
    Json11,

    /// <summary>Resources as URL paths, XML bodies (S3).</summary>
    RestXml,

    /// <summary>Resources as URL paths, JSON bodies, errors in <c>x-amzn-ErrorType</c> (Lambda).</summary>
    RestJson,
}

/// <summary>
/// What the client layer needs to know about one AWS service.
/// </summary>
/// <param name="ServiceId">The SDK service id (e.g. "CloudFormation", "Service Quotas"); it names the
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c> variable and the <c>[services]</c> key.</param>
/// <param name="SigningName">The SigV4 service name (e.g. "cloudformation", "ce").</param>
/// <param name="EndpointPrefix">The host prefix of the regional endpoint.</param>
public sealed record ServiceDescriptor(string ServiceId, string SigningName, string EndpointPrefix, AwsProtocol Protocol)
{
    /// <summary>The API version sent as <c>Version=</c> (Query protocols).</summary>
    public string? ApiVersion { get; init; }

    /// <summary>The prefix of <c>X-Amz-Target</c> (JSON protocols), e.g. "CloudApiService".</summary>
    public string? JsonTargetPrefix { get; init; }

    /// <summary>
    /// For a global service (IAM, Budgets) or one with a single home region (Cost Explorer, Pricing): the
    /// region every request is signed for, whatever the configured region.
    /// </summary>
    public string? FixedSigningRegion { get; init; }

    /// <summary>
    /// The default endpoint host when it does not follow <c>{prefix}.{region}.{dnsSuffix}</c>;
    /// <c>{region}</c> and <c>{dnsSuffix}</c> are substituted.
    /// </summary>
    public string? DefaultHostTemplate { get; init; }

    /// <summary><c>CLOUDFORMATION</c>, <c>SERVICE_QUOTAS</c>: the suffix of <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>.</summary>
    public string EnvironmentSuffix => ServiceId.ToUpperInvariant().Replace(' ', '_');

    /// <summary><c>cloudformation</c>, <c>service_quotas</c>: the key inside a <c>[services NAME]</c> section.</summary>
    public string ConfigKey => ServiceId.ToLowerInvariant().Replace(' ', '_');
}
