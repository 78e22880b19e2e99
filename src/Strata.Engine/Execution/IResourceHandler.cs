using System.Text.Json.Nodes;
using Strata.Engine.Model;
using Strata.Engine.Providers;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>A handler's final answer; <see cref="InnerCause"/> is the real root cause when the failure happened deeper (a nested stack).</summary>
internal sealed record HandlerResult(ProgressEvent Event, RootCause? InnerCause = null);

/// <summary>What a handler may use besides the request: the running operation, and where to report progress.</summary>
internal sealed record CallContext(StackRun Run, CallProgress Progress, TimeSpan? Timeout);

/// <summary>Performs create / update / delete for one resource type: the cloud provider, or one of the engine's native types.</summary>
internal interface IResourceHandler
{
    /// <summary>Native waits (wait conditions, nested stacks) have their own time limits; the per-resource timeout does not apply.</summary>
    bool HasOwnTimeout { get; }

    Task<HandlerResult> ExecuteAsync(ProviderAction action, ResourceRequest request, CallContext context, CancellationToken cancellationToken);
}

/// <summary>The cloud provider behind the engine, called through the invoker (polling, retries, timeout).</summary>
internal sealed class ProviderHandler(IResourceProvider provider, ProviderInvoker invoker) : IResourceHandler
{
    public bool HasOwnTimeout => false;

    public async Task<HandlerResult> ExecuteAsync(ProviderAction action, ResourceRequest request, CallContext context, CancellationToken cancellationToken) =>
        new(await invoker.InvokeAsync(provider, action, request, context.Timeout, context.Progress, cancellationToken).ConfigureAwait(false));
}

/// <summary>Answers for a type the provider does not manage.</summary>
internal sealed class UnsupportedHandler(string providerName) : IResourceHandler
{
    public bool HasOwnTimeout => true;

    public Task<HandlerResult> ExecuteAsync(ProviderAction action, ResourceRequest request, CallContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new HandlerResult(ProgressEvent.Failure(
            HandlerErrorCode.InvalidRequest, $"Resource type {request.TypeName} is not supported by the {providerName} provider")));
}

/// <summary>
/// Picks the handler for a type: the engine's native types first, then the provider, then (custom resources the
/// provider does not run itself) the engine's custom resource handler.
/// </summary>
internal sealed class HandlerRouter(
    IResourceProvider provider, ProviderInvoker invoker, IReadOnlyDictionary<string, IResourceHandler> native, IResourceHandler customResources)
{
    private readonly ProviderHandler _provider = new(provider, invoker);
    private readonly UnsupportedHandler _unsupported = new(provider.Name);

    public IResourceHandler For(string type) =>
        native.TryGetValue(type, out var handler) ? handler
        : provider.Supports(type) ? _provider
        : Native.CustomResourceHandler.IsCustomType(type) ? customResources
        : _unsupported;

    public bool IsSupported(string type) => native.ContainsKey(type) || provider.Supports(type) || Native.CustomResourceHandler.IsCustomType(type);

    /// <summary>What <c>Ref</c> returns for a resource: the provider decides for its types; a native type's (and a custom resource's) is its physical id.</summary>
    public string ReferenceOf(string type, string physicalId, JsonObject? model) =>
        native.ContainsKey(type) || !provider.Supports(type) ? physicalId : provider.ReferenceOf(type, physicalId, model);
}
