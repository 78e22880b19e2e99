using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Strata.Engine.Providers;
using Strata.Templates.Spec;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>
/// <c>--provider aws</c>: the engine's resource contract mapped one to one onto the Cloud Control API, so every
/// type Cloud Control supports works without per-type code. Create / update / delete start a Cloud Control request
/// and return its progress; the engine polls <see cref="GetStatusAsync"/> with the request token, honouring
/// RetryAfter. The physical id is Cloud Control's identifier (primary identifier values joined with <c>|</c>).
/// </summary>
/// <remarks>
/// Failures never escape as exceptions: throttling, refused credentials, an unreachable endpoint and AWS's own
/// error codes all come back as failed progress events with the handler error code and AWS's message.
/// </remarks>
public sealed partial class CloudControlResourceProvider : IResourceProvider
{
    private readonly CloudControlClient _client;
    private readonly CloudControlProviderOptions _options;
    private readonly CloudControlProgressMapper _mapper;

    // Creates in flight whose desired state names the identifier itself, by request token: polls need to know
    // whether an identifier came from the template (see CloudControlProgressMapper.Map). After a restart the map is
    // empty and every create identifier is treated as template-named, which can only withhold, never wrongly claim.
    private readonly ConcurrentDictionary<string, CreateInFlight> _creates = new(StringComparer.Ordinal);

    public CloudControlResourceProvider(CloudControlClient client, CloudControlProviderOptions? options = null)
    {
        _client = client;
        _options = options ?? new CloudControlProviderOptions();
        _mapper = new CloudControlProgressMapper(client.Context.Time);
    }

    public string Name => _options.Name;

    /// <summary>The region every request goes to (the client context's).</summary>
    public string Region => _client.Context.Region;

    public bool Supports(string typeName)
    {
        if (typeName.StartsWith("Custom::", StringComparison.Ordinal) || typeName == "AWS::CloudFormation::CustomResource") return false;
        if (_options.Specification.TryGetType(typeName, out var type)) return type.RequiredTransform is null;
        // Private and third-party registry types are not in the specification but Cloud Control manages them too.
        return RegistryTypeName().IsMatch(typeName);
    }

    /// <summary>
    /// The physical id is Cloud Control's identifier, which for some types joins more than <c>Ref</c> returns
    /// (<c>AWS::ApiGateway::Resource</c>: <c>RestApiId|ResourceId</c>, whose <c>Ref</c> is the ResourceId).
    /// </summary>
    public string ReferenceOf(string typeName, string physicalId, JsonObject? model) =>
        TypeOf(typeName) is { } type ? CloudControlIdentifier.RefValue(type, physicalId, model) : physicalId;

    public Task<ProgressEvent> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        GuardAsync(request, async () =>
        {
            var type = TypeOf(request.TypeName);
            var desired = SystemTags.Merge(request.DesiredState, type, request.SystemTags);
            var named = type is not null && CloudControlIdentifier.TryCompose(type, desired, out var id) ? id : null;
            var progress = await _client.CreateResourceAsync(new CreateResourceRequest(request.TypeName, desired.ToJsonString())
            {
                ClientToken = CloudControlClientToken.From(request.ClientToken),
                RoleArn = _options.RoleArn,
            }, cancellationToken).ConfigureAwait(false);
            if (progress.RequestToken is { } token) _creates[token] = new CreateInFlight(named);
            return await CompleteAsync(progress, cancellationToken).ConfigureAwait(false);
        });

    public Task<ProgressEvent> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        GuardAsync(request, async () =>
        {
            if (string.IsNullOrEmpty(request.PhysicalId))
                return ProgressEvent.Failure(HandlerErrorCode.NotFound, $"{request.LogicalId} ({request.TypeName}) has no physical id to read.");
            var response = await _client.GetResourceAsync(new GetResourceRequest(request.TypeName, request.PhysicalId) { RoleArn = _options.RoleArn },
                cancellationToken).ConfigureAwait(false);
            var description = response.ResourceDescription;
            return ProgressEvent.Succeeded(description.Identifier,
                CloudControlProgressMapper.ParseProperties(description.Properties, $"the {request.TypeName} properties") ?? []);
        });

    public Task<ProgressEvent> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        GuardAsync(request, async () =>
        {
            if (string.IsNullOrEmpty(request.PhysicalId))
                return ProgressEvent.Failure(HandlerErrorCode.NotFound, $"{request.LogicalId} ({request.TypeName}) has no physical id to update.");
            var type = TypeOf(request.TypeName);
            var desired = SystemTags.Merge(request.DesiredState, type, request.SystemTags);
            var previous = request.PreviousState is { } recorded
                ? SystemTags.Merge(recorded, type, request.SystemTags)
                : await CurrentWritableStateAsync(request, type, cancellationToken).ConfigureAwait(false);
            var patch = JsonPatchGenerator.Diff(previous, desired);
            if (patch.Count == 0)
            {
                // Nothing to change (e.g. only an unrelated attribute moved): report the resource as it is.
                return await ReadAsync(request, cancellationToken).ConfigureAwait(false);
            }
            var progress = await _client.UpdateResourceAsync(
                new UpdateResourceRequest(request.TypeName, request.PhysicalId, JsonPatchDocument.Serialize(patch))
                {
                    ClientToken = CloudControlClientToken.From(request.ClientToken),
                    RoleArn = _options.RoleArn,
                }, cancellationToken).ConfigureAwait(false);
            return await CompleteAsync(progress, cancellationToken).ConfigureAwait(false);
        });

    public Task<ProgressEvent> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        GuardAsync(request, async () =>
        {
            // A create that failed before AWS named anything left nothing to delete.
            if (string.IsNullOrEmpty(request.PhysicalId)) return ProgressEvent.Succeeded(null, null);
            if (request.Snapshot)
            {
                // Cloud Control's DeleteResource has no snapshot option; deleting anyway would lose the data the
                // template asked to keep.
                return ProgressEvent.Failure(HandlerErrorCode.InvalidRequest,
                    $"{request.LogicalId} ({request.TypeName} '{request.PhysicalId}') has DeletionPolicy Snapshot, which the Cloud Control API " +
                    "cannot honour; it was left in place. Snapshot it yourself and delete it, or set DeletionPolicy to Delete or Retain.");
            }
            var progress = await _client.DeleteResourceAsync(new DeleteResourceRequest(request.TypeName, request.PhysicalId)
            {
                ClientToken = CloudControlClientToken.From(request.ClientToken),
                RoleArn = _options.RoleArn,
            }, cancellationToken).ConfigureAwait(false);
            return await CompleteAsync(progress, cancellationToken).ConfigureAwait(false);
        });

    public async Task<ListResourcesResult> ListAsync(string typeName, string? nextToken, CancellationToken cancellationToken)
    {
        var page = await _client.ListResourcesAsync(new ListResourcesRequest(typeName) { NextToken = nextToken, RoleArn = _options.RoleArn },
            cancellationToken).ConfigureAwait(false);
        return new ListResourcesResult(page.ResourceDescriptions.Select(d => d.Identifier).ToList(), page.NextToken);
    }

    public async Task<ProgressEvent> GetStatusAsync(string requestToken, CancellationToken cancellationToken)
    {
        try
        {
            var progress = await _client.GetResourceRequestStatusAsync(requestToken, cancellationToken).ConfigureAwait(false);
            return await CompleteAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsException error)
        {
            return CloudControlErrors.ToFailure(error);
        }
    }

    public async Task CancelAsync(string requestToken, CancellationToken cancellationToken) =>
        await _client.CancelResourceRequestAsync(requestToken, cancellationToken).ConfigureAwait(false);

    /// <summary>Maps the progress, and completes a successful create or update with the model (for Fn::GetAtt).</summary>
    private async Task<ProgressEvent> CompleteAsync(CloudControlProgressEvent progress, CancellationToken cancellationToken)
    {
        var named = NamedIdentifierFor(progress);
        var result = _mapper.Map(progress, named);
        if (result.Status == OperationStatus.InProgress) return result;
        if (progress.RequestToken is { } token) _creates.TryRemove(token, out _);
        if (result.Status != OperationStatus.Success || progress.Operation == CloudControlOperation.Delete) return result;

        var model = result.ResourceModel;
        var identifier = result.PhysicalId;
        if (model is null && identifier is not null && progress.TypeName is { } typeName)
        {
            var read = await _client.GetResourceAsync(new GetResourceRequest(typeName, identifier) { RoleArn = _options.RoleArn },
                cancellationToken).ConfigureAwait(false);
            model = CloudControlProgressMapper.ParseProperties(read.ResourceDescription.Properties, $"the {typeName} properties");
        }
        if (identifier is null && model is not null && TypeOf(progress.TypeName) is { } type && CloudControlIdentifier.TryCompose(type, model, out var composed))
            identifier = composed;
        return result with { PhysicalId = identifier, ResourceModel = model ?? [] };
    }

    private string? NamedIdentifierFor(CloudControlProgressEvent progress)
    {
        if (progress.RequestToken is { } token && _creates.TryGetValue(token, out var inFlight)) return inFlight.NamedIdentifier;
        return progress.Operation == CloudControlOperation.Create ? progress.Identifier : null;
    }

    /// <summary>
    /// With no recorded previous state, the resource as AWS reports it, limited to the type's writable properties so
    /// the patch does not try to remove read-only attributes (ARNs, generated ids) the template never sets.
    /// </summary>
    private async Task<JsonObject> CurrentWritableStateAsync(ResourceRequest request, ResourceTypeSpec? type, CancellationToken cancellationToken)
    {
        var response = await _client.GetResourceAsync(new GetResourceRequest(request.TypeName, request.PhysicalId!) { RoleArn = _options.RoleArn },
            cancellationToken).ConfigureAwait(false);
        var current = CloudControlProgressMapper.ParseProperties(response.ResourceDescription.Properties, $"the {request.TypeName} properties") ?? [];
        if (type is null) return current;
        foreach (var name in current.Select(p => p.Key).Where(name => !type.Properties.ContainsKey(name)).ToList())
            current.Remove(name);
        return current;
    }

    private async Task<ProgressEvent> GuardAsync(ResourceRequest request, Func<Task<ProgressEvent>> operation)
    {
        if (!string.IsNullOrEmpty(request.Region) && !string.Equals(request.Region, Region, StringComparison.Ordinal))
        {
            return ProgressEvent.Failure(HandlerErrorCode.InvalidRequest,
                $"{request.LogicalId} is to be managed in region {request.Region}, but the aws provider is configured for {Region} " +
                "(AWS_REGION or the profile's region).");
        }
        try
        {
            return await operation().ConfigureAwait(false);
        }
        catch (AwsException error)
        {
            return CloudControlErrors.ToFailure(error);
        }
    }

    private ResourceTypeSpec? TypeOf(string? typeName) =>
        typeName is not null && _options.Specification.TryGetType(typeName, out var type) ? type : null;

    [GeneratedRegex("^[A-Za-z0-9]+::[A-Za-z0-9]+::[A-Za-z0-9]+$")]
    private static partial Regex RegistryTypeName();

    private sealed record CreateInFlight(string? NamedIdentifier);
}
