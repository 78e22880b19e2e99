using System.Text.Json;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>
/// AWS Cloud Control API (JSON 1.0, <c>X-Amz-Target: CloudApiService.&lt;Operation&gt;</c>): create, read, update,
/// delete and list any resource type the CloudFormation registry knows, and follow the long operations.
/// </summary>
/// <remarks>
/// Create, update and delete always carry a client token — the caller's, or a fresh one — because the pipeline
/// resends the same body on a retry: a request that reached AWS but whose answer was lost is then recognised
/// as the same request instead of starting a second operation.
/// </remarks>
public sealed class CloudControlClient(AwsClientContext context)
{
    private readonly JsonProtocolClient _json = new(context, AwsServices.CloudControl);

    public AwsClientContext Context => context;
    public AwsServicePipeline Pipeline => _json.Pipeline;

    public Task<CloudControlProgressEvent> CreateResourceAsync(CreateResourceRequest request, CancellationToken cancellationToken = default) =>
        InvokeProgressAsync("CreateResource", w =>
        {
            WriteCommon(w, request);
            w.WriteString("ClientToken", request.ClientToken ?? NewClientToken());
            w.WriteString("DesiredState", request.DesiredState);
        }, cancellationToken);

    public Task<CloudControlProgressEvent> UpdateResourceAsync(UpdateResourceRequest request, CancellationToken cancellationToken = default) =>
        InvokeProgressAsync("UpdateResource", w =>
        {
            WriteCommon(w, request);
            w.WriteString("Identifier", request.Identifier);
            w.WriteString("ClientToken", request.ClientToken ?? NewClientToken());
            w.WriteString("PatchDocument", request.PatchDocument);
        }, cancellationToken);

    public Task<CloudControlProgressEvent> DeleteResourceAsync(DeleteResourceRequest request, CancellationToken cancellationToken = default) =>
        InvokeProgressAsync("DeleteResource", w =>
        {
            WriteCommon(w, request);
            w.WriteString("Identifier", request.Identifier);
            w.WriteString("ClientToken", request.ClientToken ?? NewClientToken());
        }, cancellationToken);

    public Task<CloudControlProgressEvent> GetResourceRequestStatusAsync(string requestToken, CancellationToken cancellationToken = default) =>
        InvokeProgressAsync("GetResourceRequestStatus", w => w.WriteString("RequestToken", requestToken), cancellationToken);

    /// <summary>Asks Cloud Control to stop a PENDING or IN_PROGRESS request; poll for CANCEL_COMPLETE.</summary>
    public Task<CloudControlProgressEvent> CancelResourceRequestAsync(string requestToken, CancellationToken cancellationToken = default) =>
        InvokeProgressAsync("CancelResourceRequest", w => w.WriteString("RequestToken", requestToken), cancellationToken);

    public async Task<GetResourceResponse> GetResourceAsync(GetResourceRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await _json.InvokeAsync("GetResource", w =>
        {
            WriteCommon(w, request);
            w.WriteString("Identifier", request.Identifier);
        }, cancellationToken).ConfigureAwait(false);
        var root = response.RootElement;
        if (!root.TryGetProperty("ResourceDescription", out var description))
            throw new AwsProtocolException($"Cloud Control GetResource for {request.TypeName} '{request.Identifier}' returned no ResourceDescription.");
        return new GetResourceResponse(CloudControlJson.String(root, "TypeName") ?? request.TypeName, CloudControlJson.Description(description, "GetResource"));
    }

    public async Task<ListResourcesResponse> ListResourcesAsync(ListResourcesRequest request, CancellationToken cancellationToken = default)
    {
        using var response = await _json.InvokeAsync("ListResources", w =>
        {
            WriteCommon(w, request);
            if (request.ResourceModel is not null) w.WriteString("ResourceModel", request.ResourceModel);
            if (request.MaxResults is { } max) w.WriteNumber("MaxResults", max);
            if (request.NextToken is not null) w.WriteString("NextToken", request.NextToken);
        }, cancellationToken).ConfigureAwait(false);
        var root = response.RootElement;
        var descriptions = root.TryGetProperty("ResourceDescriptions", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(d => CloudControlJson.Description(d, "ListResources")).ToList()
            : [];
        var next = CloudControlJson.String(root, "NextToken");
        return new ListResourcesResponse(CloudControlJson.String(root, "TypeName") ?? request.TypeName, descriptions,
            string.IsNullOrEmpty(next) ? null : next);
    }

    /// <summary>Every resource of the type, following NextToken.</summary>
    public IAsyncEnumerable<ResourceDescription> ListAllResourcesAsync(ListResourcesRequest request, CancellationToken cancellationToken = default) =>
        Paginator.ItemsAsync((token, ct) => ListResourcesAsync(request with { NextToken = token }, ct),
            page => page.NextToken, page => page.ResourceDescriptions, cancellationToken);

    /// <summary>A client token in the form Cloud Control accepts (<c>[-A-Za-z0-9+/=]+</c>, at most 128 characters).</summary>
    public static string NewClientToken() => Guid.NewGuid().ToString("D");

    private async Task<CloudControlProgressEvent> InvokeProgressAsync(string operation, Action<Utf8JsonWriter> writeBody, CancellationToken cancellationToken)
    {
        using var response = await _json.InvokeAsync(operation, writeBody, cancellationToken).ConfigureAwait(false);
        return CloudControlJson.ProgressEvent(response.RootElement, operation);
    }

    private static void WriteCommon(Utf8JsonWriter writer, CloudControlOperationRequest request)
    {
        writer.WriteString("TypeName", request.TypeName);
        if (request.TypeVersionId is not null) writer.WriteString("TypeVersionId", request.TypeVersionId);
        if (request.RoleArn is not null) writer.WriteString("RoleArn", request.RoleArn);
    }
}
