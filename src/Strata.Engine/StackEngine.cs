using Strata.Engine.Definition;
using Strata.Engine.Execution;
using Strata.Engine.Model;
using Strata.Engine.Native;
using Strata.Engine.Planning;
using Strata.Engine.Providers;
using Strata.Engine.Signals;
using Strata.Engine.State;

namespace Strata.Engine;

/// <summary>A plan, or why none could be made (template or parameter errors).</summary>
public sealed record PlanResult(Plan? Plan, IReadOnlyList<string> Errors);

/// <summary>
/// The engine's entry point: plan, up (create or update, with rollback), down, and signals, over one
/// state store and one provider. Thread-safe; operations on different stacks run concurrently, and two on
/// the same stack (from any process) are refused by the stack's lease.
/// </summary>
public sealed class StackEngine : INestedStackRunner
{
    private readonly EngineServices _services;
    private readonly DeleteOperation _deleter;
    private readonly UpOperation _up;

    public StackEngine(
        StateStore store,
        IResourceProvider provider,
        IStackDefinitionFactory definitions,
        IReplacementRules rules,
        EngineOptions? options = null,
        TimeProvider? time = null,
        SignalUrls? signalUrls = null,
        ICustomResourceTransport? customResources = null)
    {
        options ??= new EngineOptions();
        time ??= TimeProvider.System;
        signalUrls ??= SignalUrls.FromKeyFile(Path.Combine(Path.GetDirectoryName(store.DatabasePath)!, "signal.key"));
        var invoker = new ProviderInvoker(time, options);
        var native = new Dictionary<string, IResourceHandler>(StringComparer.Ordinal)
        {
            [NestedStackHandler.TypeName] = new NestedStackHandler(this),
            [WaitConditionHandler.TypeName] = new WaitConditionHandler(),
            [WaitConditionHandleHandler.TypeName] = new WaitConditionHandleHandler(),
        };
        Signals = new SignalHub(store, signalUrls, time);
        _services = new EngineServices
        {
            Store = store,
            Time = time,
            Options = options,
            Provider = provider,
            Definitions = definitions,
            Rules = rules,
            Signals = Signals,
            Router = new HandlerRouter(provider, invoker, native, new CustomResourceHandler(customResources)),
        };
        _deleter = new DeleteOperation(_services);
        _up = new UpOperation(_services, _deleter);
    }

    public StateStore Store => _services.Store;

    public EngineOptions Options => _services.Options;

    /// <summary>Where wait-condition signals go; the host's HTTP endpoint hands requests to it.</summary>
    public SignalHub Signals { get; }

    /// <summary>What <see cref="UpAsync"/> would do, without doing anything.</summary>
    public async Task<PlanResult> PlanAsync(string stackName, TemplateSource template, IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken)
    {
        var stack = await Store.GetStackAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (stack is { Status: StackStatus.DeleteComplete or StackStatus.RollbackComplete or StackStatus.RollbackFailed or StackStatus.RollbackInProgress or StackStatus.DeleteInProgress or StackStatus.DeleteFailed })
        {
            // up clears such a stack and creates it anew; its remains (if any) are not this plan's business.
            stack = stack.Status == StackStatus.DeleteComplete || stack.Status == StackStatus.RollbackComplete ? null : stack;
        }
        var merged = new Dictionary<string, string>(stack?.Parameters ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (key, value) in parameters)
        {
            merged[key] = value;
        }
        var identity = new StackIdentity(stackName, stack?.StackId ?? StackIds.New(Options.Region, Options.AccountId, stackName), Options.Region, Options.AccountId);
        var prepared = _services.Definitions.Create(template, merged, identity);
        if (prepared.Definition is not { } definition)
        {
            return new PlanResult(null, prepared.Errors);
        }
        var records = stack is null ? [] : await Store.GetResourcesAsync(stack.StackId, cancellationToken).ConfigureAwait(false);
        var exports = await OutputPublisher.LoadExportsAsync(_services, cancellationToken).ConfigureAwait(false);
        var plan = new Planner(_services.Rules).CreatePlan(stackName, stack, records, definition, new LiveState(records, exports, _services.Router.ReferenceOf));
        return new PlanResult(plan, []);
    }

    /// <summary>Creates or updates the stack. Cancelling <paramref name="cancellationToken"/> aborts (the journal lets a later run resume); use <see cref="UpRequest.Stop"/> to stop gracefully.</summary>
    public async Task<OperationResult> UpAsync(UpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await _up.RunAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (StackBusyException ex)
        {
            return new OperationResult(OperationOutcome.Busy, null, [ex.Message]);
        }
    }

    /// <summary>Deletes the stack's resources in reverse dependency order and marks it DELETE_COMPLETE.</summary>
    public async Task<OperationResult> DownAsync(string stackName, CancellationToken cancellationToken)
    {
        try
        {
            return await _deleter.RunAsync(stackName, new RunSettings { Abort = cancellationToken }, cancellationToken).ConfigureAwait(false);
        }
        catch (StackBusyException ex)
        {
            return new OperationResult(OperationOutcome.Busy, null, [ex.Message]);
        }
    }

    /// <summary>Sends a signal to a resource's CreationPolicy (what SignalResource / cfn-signal --resource does).</summary>
    public async Task<bool> SignalResourceAsync(string stackName, string logicalId, WaitSignal signal, CancellationToken cancellationToken)
    {
        var stack = await Store.GetStackAsync(stackName, cancellationToken).ConfigureAwait(false);
        if (stack is null)
        {
            return false;
        }
        await Signals.SignalAsync(SignalUrls.HandleKey(stack.StackId, logicalId), signal, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The URL cfn-signal would PUT to for a resource's CreationPolicy signals.</summary>
    public string ResourceSignalUrl(StackRecord stack, string logicalId) =>
        Signals.Urls.Create(Options.SignalBaseUrl, SignalUrls.HandleKey(stack.StackId, logicalId), _services.Time.GetUtcNow());

    Task<OperationResult> INestedStackRunner.UpAsync(UpRequest request, CancellationToken cancellationToken) => UpAsync(request, cancellationToken);

    Task<OperationResult> INestedStackRunner.DownAsync(string stackName, CancellationToken cancellationToken) => DownAsync(stackName, cancellationToken);
}
