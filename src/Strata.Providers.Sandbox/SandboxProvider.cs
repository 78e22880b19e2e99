using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Faults;
using Strata.Providers.Sandbox.Lifecycle;
using Strata.Providers.Sandbox.Power;
using Strata.Providers.Sandbox.Storage;
using Strata.Providers.Sandbox.Validation;
using Strata.Templates.Spec;

namespace Strata.Providers.Sandbox;

/// <summary>
/// The sandbox cloud behind the engine's provider contract. Every call works on the cloud's SQLite
/// state, so providers in different processes on the same data directory see one cloud, and an
/// operation started in one process can be polled to completion from another.
/// </summary>
public sealed class SandboxProvider : IResourceProvider
{
    private const int ListPageSize = 100;

    private readonly SandboxRuntime _runtime;
    private readonly ResourceSpecification _specification;

    internal SandboxProvider(SandboxRuntime runtime, ResourceSpecification specification)
    {
        _runtime = runtime;
        _specification = specification;
    }

    public string Name => "sandbox";

    /// <summary>
    /// Every type of the specification, and custom resources: their handler is simulated (it answers with the
    /// <c>Data</c> of the resource's <c>Strata::Sandbox</c> metadata), since the sandbox runs no Lambda function.
    /// </summary>
    public bool Supports(string typeName) => IsCustom(typeName) || _specification.ContainsType(typeName);

    public Task<ProgressEvent> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        MutateAsync(request, OperationKind.Create, cancellationToken);

    public Task<ProgressEvent> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        MutateAsync(request, OperationKind.Update, cancellationToken);

    public Task<ProgressEvent> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) =>
        MutateAsync(request, OperationKind.Delete, cancellationToken);

    public async Task<ProgressEvent> ReadAsync(ResourceRequest request, CancellationToken cancellationToken)
    {
        if (_runtime.Throttle.TryAcquire(request.TypeName) is { } throttled)
        {
            return Throttled(throttled);
        }
        if (request.PhysicalId is not { } physicalId)
        {
            return ProgressEvent.Failure(HandlerErrorCode.InvalidRequest, "a read needs the resource's physical id");
        }
        await SettleAsync(cancellationToken).ConfigureAwait(false);
        var resource = _runtime.Database.Read(c => ResourceTable.Find(c, null, request.TypeName, physicalId), cancellationToken);
        return resource is null
            ? ProgressEvent.Failure(HandlerErrorCode.NotFound, $"{request.TypeName} '{physicalId}' does not exist")
            : ProgressEvent.Succeeded(resource.PhysicalId, PowerTypes.Decorate(resource));
    }

    public async Task<ListResourcesResult> ListAsync(string typeName, string? nextToken, CancellationToken cancellationToken)
    {
        await SettleAsync(cancellationToken).ConfigureAwait(false);
        var ids = _runtime.Database.Read(c => ResourceTable.Ids(c, typeName, nextToken, ListPageSize + 1), cancellationToken);
        return ids.Count > ListPageSize
            ? new ListResourcesResult(ids.Take(ListPageSize).ToArray(), ids[ListPageSize - 1])
            : new ListResourcesResult(ids, null);
    }

    public async Task<ProgressEvent> GetStatusAsync(string requestToken, CancellationToken cancellationToken)
    {
        var operation = _runtime.Database.Read(c => OperationTable.Find(c, null, requestToken), cancellationToken);
        if (operation is null)
        {
            return ProgressEvent.Failure(HandlerErrorCode.NotFound, $"no sandbox operation has request token '{requestToken}'");
        }
        if (operation.Status == OperationStatus.InProgress && operation.DueAt is { } due && due <= _runtime.NowMs)
        {
            return await _runtime.Database.WriteAsync((c, t) =>
            {
                var current = OperationTable.Find(c, t, requestToken)!;
                current = OperationCompleter.CompleteIfDue(c, t, current, _runtime.NowMs);
                return EventFactory.For(c, t, current, _runtime);
            }, cancellationToken).ConfigureAwait(false);
        }
        return _runtime.Database.Read(c => EventFactory.For(c, null, operation, _runtime), cancellationToken);
    }

    /// <summary>
    /// Abandons a running operation: a create leaves nothing behind, an update leaves the old properties,
    /// a delete leaves the resource. Polling then reports the operation failed (NotStabilized).
    /// </summary>
    public Task CancelAsync(string requestToken, CancellationToken cancellationToken) =>
        _runtime.Database.WriteAsync((c, t) =>
        {
            var operation = OperationTable.Find(c, t, requestToken);
            if (operation is null || operation.Status != OperationStatus.InProgress)
            {
                return false;
            }
            var now = _runtime.NowMs;
            OperationTable.Finish(c, t, requestToken, OperationStatus.Failed, HandlerErrorCode.NotStabilized,
                $"{operation.Kind} of {operation.LogicalId} was cancelled before it completed", now);
            var resource = ResourceTable.Find(c, t, operation.Type, operation.PhysicalId);
            if (resource is not null)
            {
                if (operation.Kind == OperationKind.Create)
                {
                    OperationCompleter.Remove(c, t, resource, now);
                }
                else
                {
                    ResourceTable.Replace(c, t, resource with { State = ResourceState.Available });
                }
            }
            return true;
        }, cancellationToken);

    private async Task<ProgressEvent> MutateAsync(ResourceRequest request, OperationKind kind, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var custom = IsCustom(request.TypeName);
        // AWS::CloudFormation::CustomResource is in the specification; Custom::* names are the template's own.
        if (!_specification.TryGetType(request.TypeName, out var spec) && custom)
        {
            spec = ResourceTypeSpec.CustomResource(request.TypeName);
        }
        if (spec is null)
        {
            return ProgressEvent.Failure(HandlerErrorCode.InvalidRequest,
                $"{request.TypeName} is not a type in the resource specification ({_specification.SourcePackage} {_specification.SourceVersion})");
        }
        // A repeated client token gets the original operation, throttled or not: that is what makes a
        // resumed engine safe.
        var existing = _runtime.Database.Read(c => OperationTable.FindByClientToken(c, null, kind, request.ClientToken), cancellationToken);
        if (existing is not null)
        {
            return await GetStatusAsync(existing.RequestToken, cancellationToken).ConfigureAwait(false);
        }
        if (_runtime.Throttle.TryAcquire(request.TypeName) is { } throttled)
        {
            return Throttled(throttled);
        }
        if (!FaultRules.TryParse(request.Metadata, _runtime.Settings.Faults.GetValueOrDefault(request.TypeName), out var faults, out var faultError))
        {
            // A bad rule must not keep a resource from being deleted; it is reported on create and update.
            if (kind != OperationKind.Delete)
            {
                return ProgressEvent.Failure(HandlerErrorCode.InvalidRequest, faultError!);
            }
            faults = FaultRules.None;
        }
        if (kind != OperationKind.Delete && custom)
        {
            // A custom resource's properties are its handler's own; only the ServiceToken is CloudFormation's.
            if (request.DesiredState["ServiceToken"] is not JsonValue token || !token.TryGetValue<string>(out var arn) || arn.Length == 0)
            {
                return ProgressEvent.Failure(HandlerErrorCode.InvalidRequest,
                    $"{request.LogicalId} ({request.TypeName}): ServiceToken is required: the ARN of the Lambda function or SNS topic that handles the resource");
            }
        }
        else if (kind != OperationKind.Delete)
        {
            var problems = SchemaValidator.Validate(spec, request.DesiredState);
            if (problems.Count > 0)
            {
                return ProgressEvent.Failure(HandlerErrorCode.InvalidRequest,
                    $"{request.LogicalId} ({request.TypeName}): {string.Join("; ", problems)}");
            }
        }
        try
        {
            return await _runtime.Database.WriteAsync((c, t) =>
            {
                // Another caller may have used the token since the check above.
                if (OperationTable.FindByClientToken(c, t, kind, request.ClientToken) is { } raced)
                {
                    return EventFactory.For(c, t, OperationCompleter.CompleteIfDue(c, t, raced, _runtime.NowMs), _runtime);
                }
                OperationCompleter.SettleDue(c, t, _runtime);
                return kind switch
                {
                    OperationKind.Create => CreateOperation.Start(c, t, _runtime, request, spec, faults),
                    OperationKind.Update => UpdateOperation.Start(c, t, _runtime, request, spec, faults),
                    _ => DeleteOperation.Start(c, t, _runtime, request, faults),
                };
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (SandboxFault fault)
        {
            return fault.ToEvent();
        }
    }

    internal Task SettleAsync(CancellationToken cancellationToken) =>
        _runtime.Database.WriteAsync((c, t) =>
        {
            OperationCompleter.SettleDue(c, t, _runtime);
            return true;
        }, cancellationToken);

    private static ProgressEvent Throttled((TimeSpan RetryAfter, string Limit) throttled) =>
        ProgressEvent.Failure(HandlerErrorCode.Throttling, $"Rate exceeded: the sandbox allows {throttled.Limit}", throttled.RetryAfter);

    internal static bool IsCustom(string typeName) =>
        typeName.StartsWith("Custom::", StringComparison.Ordinal) || typeName == "AWS::CloudFormation::CustomResource";
}
