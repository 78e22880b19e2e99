using Strata.Engine.Providers;
using Strata.Engine.State;

namespace Strata.Engine.Execution;

/// <summary>Called when a call gets a new client token (a retry) or learns the physical id mid-operation, so the journal can record it.</summary>
internal delegate Task CallProgress(string clientToken, string? physicalId, CancellationToken cancellationToken);

/// <summary>
/// Runs one provider operation to a final status, Heat-style: start, then check-complete with back-off
/// (honouring RetryAfter); retryable failures (throttling) are retried with a new client token after a
/// provider-wide pause; a per-resource timeout turns a hang into a failure with a clear reason.
/// </summary>
internal sealed class ProviderInvoker(TimeProvider time, EngineOptions options)
{
    private readonly Dictionary<string, ProviderThrottle> _throttles = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public async Task<ProgressEvent> InvokeAsync(
        IResourceProvider provider, ProviderAction action, ResourceRequest request, TimeSpan? timeout,
        CallProgress progress, CancellationToken cancellationToken)
    {
        var throttle = ThrottleFor(provider.Name);
        using var timeoutSource = timeout is { } t ? new CancellationTokenSource(t, time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var token = linked.Token;
        string? requestToken = null;
        var baseToken = request.ClientToken;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                await throttle.WaitAsync(token).ConfigureAwait(false);
                var result = await StartAsync(provider, action, request, token).ConfigureAwait(false);
                if (result.Status == OperationStatus.InProgress)
                {
                    requestToken = result.RequestToken;
                    if (result.PhysicalId is not null)
                    {
                        await progress(request.ClientToken, result.PhysicalId, token).ConfigureAwait(false);
                    }
                    result = await PollAsync(provider, throttle, result, token).ConfigureAwait(false);
                }
                if (result.Status == OperationStatus.Failed && result.ErrorCode is { } code && code.IsRetryable() && attempt < options.MaxRetries)
                {
                    var delay = result.RetryAfter ?? Backoff(attempt);
                    throttle.Pause(delay);
                    // A failed request is final for its token (Cloud Control replays it), so a retry needs a new one.
                    request = request with { ClientToken = $"{baseToken}-r{attempt + 1}" };
                    await progress(request.ClientToken, null, token).ConfigureAwait(false);
                    continue;
                }
                return result;
            }
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            if (requestToken is not null)
            {
                await CancelQuietlyAsync(provider, requestToken).ConfigureAwait(false);
            }
            return ProgressEvent.Failure(
                HandlerErrorCode.NotStabilized,
                $"{Verb(action)} did not complete within {ResourceTimeouts.Format(timeout!.Value)} and was stopped " +
                "(resource timeout; raise it with --resource-timeout)");
        }
    }

    private static Task<ProgressEvent> StartAsync(IResourceProvider provider, ProviderAction action, ResourceRequest request, CancellationToken token) => action switch
    {
        ProviderAction.Create => provider.CreateAsync(request, token),
        ProviderAction.Update => provider.UpdateAsync(request, token),
        _ => provider.DeleteAsync(request, token),
    };

    private async Task<ProgressEvent> PollAsync(IResourceProvider provider, ProviderThrottle throttle, ProgressEvent current, CancellationToken token)
    {
        var interval = options.InitialPollInterval;
        var physicalId = current.PhysicalId;
        while (current.Status == OperationStatus.InProgress)
        {
            var wait = current.RetryAfter ?? interval;
            await Task.Delay(wait, time, token).ConfigureAwait(false);
            interval = TimeSpan.FromTicks(Math.Min(options.MaxPollInterval.Ticks, (long)(interval.Ticks * 1.5)));
            await throttle.WaitAsync(token).ConfigureAwait(false);
            var next = await provider.GetStatusAsync(current.RequestToken!, token).ConfigureAwait(false);
            if (next.Status == OperationStatus.Failed && next.ErrorCode == HandlerErrorCode.Throttling)
            {
                // The poll itself was throttled, not the operation: pause and ask again.
                var delay = next.RetryAfter ?? interval;
                throttle.Pause(delay);
                current = current with { RetryAfter = delay };
                continue;
            }
            physicalId = next.PhysicalId ?? physicalId;
            current = next.Status == OperationStatus.InProgress && next.RequestToken is null ? next with { RequestToken = current.RequestToken } : next;
        }
        return current.PhysicalId is null && physicalId is not null ? current with { PhysicalId = physicalId } : current;
    }

    private static async Task CancelQuietlyAsync(IResourceProvider provider, string requestToken)
    {
        try
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await provider.CancelAsync(requestToken, limit.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Best effort: the operation already counts as failed; the provider may finish it regardless.
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var ticks = options.InitialBackoff.Ticks * Math.Pow(2, attempt);
        var capped = Math.Min(options.MaxBackoff.Ticks, ticks);
        // Jitter spreads retries of many resources throttled at once.
        return TimeSpan.FromTicks((long)(capped * (0.5 + Random.Shared.NextDouble() / 2)));
    }

    private ProviderThrottle ThrottleFor(string providerName)
    {
        lock (_lock)
        {
            if (!_throttles.TryGetValue(providerName, out var throttle))
            {
                throttle = new ProviderThrottle(time, options.MaxCallsPerSecond);
                _throttles[providerName] = throttle;
            }
            return throttle;
        }
    }

    internal static string Verb(ProviderAction action) => action switch
    {
        ProviderAction.Create => "Resource creation",
        ProviderAction.Update => "Resource update",
        _ => "Resource deletion",
    };
}
