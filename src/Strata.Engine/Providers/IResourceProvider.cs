using System.Text.Json.Nodes;

namespace Strata.Engine.Providers;

/// <summary>
/// A cloud behind the engine, mirroring the CloudFormation resource handler contract so that the AWS
/// provider maps it one to one onto the Cloud Control API. Long operations return
/// <see cref="OperationStatus.InProgress"/> with a request token; the engine polls
/// <see cref="GetStatusAsync"/> with back-off.
/// </summary>
public interface IResourceProvider
{
    string Name { get; }

    /// <summary>Whether this provider can manage the type (the engine handles its own native types first).</summary>
    bool Supports(string typeName);

    /// <summary>
    /// What <c>Ref</c> returns for an existing resource. The physical id unless the provider identifies a type by
    /// more than its <c>Ref</c> value (Cloud Control names an <c>AWS::ApiGateway::Resource</c> <c>RestApiId|ResourceId</c>,
    /// but its <c>Ref</c> is the ResourceId). The engine keeps calling read / update / delete with the physical id.
    /// Must be a pure function of its arguments: the engine asks again whenever it reloads recorded resources.
    /// </summary>
    string ReferenceOf(string typeName, string physicalId, JsonObject? model) => physicalId;

    Task<ProgressEvent> CreateAsync(ResourceRequest request, CancellationToken cancellationToken);

    Task<ProgressEvent> ReadAsync(ResourceRequest request, CancellationToken cancellationToken);

    Task<ProgressEvent> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken);

    Task<ProgressEvent> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken);

    Task<ListResourcesResult> ListAsync(string typeName, string? nextToken, CancellationToken cancellationToken);

    /// <summary>Polls a long operation started by create / update / delete.</summary>
    Task<ProgressEvent> GetStatusAsync(string requestToken, CancellationToken cancellationToken);

    /// <summary>Asks the provider to stop a long operation (best effort; the engine still polls to a final status).</summary>
    Task CancelAsync(string requestToken, CancellationToken cancellationToken);
}

/// <summary>One page of resource identifiers of a type.</summary>
public sealed record ListResourcesResult(IReadOnlyList<string> PhysicalIds, string? NextToken);
