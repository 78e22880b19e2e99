namespace Strata.Providers.Aws.CloudControl;

/// <summary>Cloud Control's <c>OperationStatus</c>.</summary>
public enum CloudControlOperationStatus
{
    Pending,
    InProgress,
    Success,
    Failed,
    CancelInProgress,
    CancelComplete,
}

/// <summary>Cloud Control's <c>Operation</c>.</summary>
public enum CloudControlOperation
{
    Create,
    Update,
    Delete,
}

/// <summary>
/// Cloud Control's <c>ProgressEvent</c>: the state of one resource operation request, as returned by
/// CreateResource, UpdateResource, DeleteResource, GetResourceRequestStatus and CancelResourceRequest.
/// </summary>
public sealed record CloudControlProgressEvent
{
    public required CloudControlOperationStatus OperationStatus { get; init; }
    public string? TypeName { get; init; }

    /// <summary>The primary identifier (several values joined by <c>|</c>); sometimes known before SUCCESS.</summary>
    public string? Identifier { get; init; }

    public string? RequestToken { get; init; }
    public string? HooksRequestToken { get; init; }
    public CloudControlOperation? Operation { get; init; }
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>The resource's properties as a JSON string (Cloud Control sends the model as text, not as an object).</summary>
    public string? ResourceModel { get; init; }

    public string? StatusMessage { get; init; }

    /// <summary>A handler error code ("AlreadyExists", "Throttling", ...) for FAILED requests.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>When to ask for the status again (an absolute time, not a duration).</summary>
    public DateTimeOffset? RetryAfter { get; init; }
}

/// <summary>Options every resource operation accepts.</summary>
public abstract record CloudControlOperationRequest(string TypeName)
{
    /// <summary>A role Cloud Control assumes for the operation instead of the caller's credentials.</summary>
    public string? RoleArn { get; init; }

    /// <summary>For private types: the registered version to use.</summary>
    public string? TypeVersionId { get; init; }
}

/// <summary>CreateResource.</summary>
/// <param name="DesiredState">The properties as a JSON object, serialized.</param>
public sealed record CreateResourceRequest(string TypeName, string DesiredState) : CloudControlOperationRequest(TypeName)
{
    /// <summary>Idempotency key (36 hours): the same token returns the first request's progress instead of a second resource.</summary>
    public string? ClientToken { get; init; }
}

/// <summary>UpdateResource.</summary>
/// <param name="PatchDocument">An RFC 6902 JSON Patch document (see <see cref="JsonPatchGenerator"/>).</param>
public sealed record UpdateResourceRequest(string TypeName, string Identifier, string PatchDocument) : CloudControlOperationRequest(TypeName)
{
    public string? ClientToken { get; init; }
}

/// <summary>DeleteResource.</summary>
public sealed record DeleteResourceRequest(string TypeName, string Identifier) : CloudControlOperationRequest(TypeName)
{
    public string? ClientToken { get; init; }
}

/// <summary>GetResource.</summary>
public sealed record GetResourceRequest(string TypeName, string Identifier) : CloudControlOperationRequest(TypeName);

/// <summary>ListResources: one page.</summary>
public sealed record ListResourcesRequest(string TypeName) : CloudControlOperationRequest(TypeName)
{
    /// <summary>Some types list only within a parent, given here as a partial model (JSON), e.g. <c>{"RestApiId":"abc"}</c>.</summary>
    public string? ResourceModel { get; init; }

    public int? MaxResults { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>A resource as Cloud Control describes it: its identifier and its properties (a JSON string).</summary>
public sealed record ResourceDescription(string Identifier, string? Properties);

public sealed record GetResourceResponse(string TypeName, ResourceDescription ResourceDescription);

public sealed record ListResourcesResponse(string TypeName, IReadOnlyList<ResourceDescription> ResourceDescriptions, string? NextToken);
