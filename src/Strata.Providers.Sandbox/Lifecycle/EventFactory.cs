using Microsoft.Data.Sqlite;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Power;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Lifecycle;

/// <summary>Turns a stored operation into the ProgressEvent the engine sees.</summary>
internal static class EventFactory
{
    public static ProgressEvent For(SqliteConnection c, SqliteTransaction? t, OperationRecord operation, SandboxRuntime runtime)
    {
        var resource = ResourceTable.Find(c, t, operation.Type, operation.PhysicalId);
        switch (operation.Status)
        {
            case OperationStatus.InProgress:
                var retryAfter = operation.DueAt is { } due
                    ? TimeSpan.FromMilliseconds(Math.Max(1, due - runtime.NowMs))
                    : runtime.HangPollInterval;
                return new ProgressEvent
                {
                    Status = OperationStatus.InProgress,
                    RequestToken = operation.RequestToken,
                    RetryAfter = retryAfter,
                    PhysicalId = operation.PhysicalId,
                    ResourceModel = resource is null ? null : PowerTypes.Decorate(resource),
                };
            case OperationStatus.Success:
                return new ProgressEvent
                {
                    Status = OperationStatus.Success,
                    RequestToken = operation.RequestToken,
                    PhysicalId = operation.PhysicalId,
                    ResourceModel = operation.Kind == OperationKind.Delete ? null
                        : resource is not null ? PowerTypes.Decorate(resource)
                        : operation.Pending?["model"]?.DeepClone() as System.Text.Json.Nodes.JsonObject,
                };
            default:
                return new ProgressEvent
                {
                    Status = OperationStatus.Failed,
                    RequestToken = operation.RequestToken,
                    PhysicalId = operation.Kind == OperationKind.Create ? null : operation.PhysicalId,
                    ErrorCode = operation.ErrorCode ?? HandlerErrorCode.InternalFailure,
                    Message = operation.Message ?? "the operation failed",
                };
        }
    }
}
