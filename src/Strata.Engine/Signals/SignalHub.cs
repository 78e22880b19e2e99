using System.Collections.Concurrent;
using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Engine.Signals;

/// <summary>
/// Receives wait-condition signals (from the HTTP endpoint, or directly) and wakes whoever waits for them.
/// Signals are stored first, so a wait in another process sees them on its next store check, and a
/// waiter in this process is woken at once. Knows nothing of HTTP: the host passes path, query and body.
/// </summary>
public sealed class SignalHub(StateStore store, SignalUrls urls, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _wakeups = new(StringComparer.Ordinal);

    public SignalUrls Urls => urls;

    /// <summary>
    /// Handles <c>PUT {pathAndQuery}</c> with a cfn-signal body <c>{Status, Reason, UniqueId, Data}</c>: checks the URL's
    /// signature (403), that its stack and resource exist (404) and the body (400, naming the field), then stores the
    /// signal and wakes its waiters (200). Every signal endpoint goes through here.
    /// </summary>
    public async Task<SignalResponse> AcceptAsync(string method, string pathAndQuery, string body, CancellationToken cancellationToken)
    {
        if (!string.Equals(method, "PUT", StringComparison.OrdinalIgnoreCase) && !string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return SignalResponse.WrongMethod(method);
        }
        var now = time.GetUtcNow();
        if (!urls.TryVerify(pathAndQuery, now, out var handleKey, out var error))
        {
            return SignalResponse.Refused(error);
        }
        if (!SignalUrls.TrySplitHandleKey(handleKey, out var stackId, out var logicalId))
        {
            return SignalResponse.UnknownTarget($"The signal URL names no stack resource ('{handleKey}')");
        }
        var stack = await store.GetStackByIdAsync(stackId, cancellationToken).ConfigureAwait(false);
        if (stack is null || stack.Status == StackStatus.DeleteComplete)
        {
            return SignalResponse.UnknownTarget($"No stack {stackId} (it was deleted, or lives in another data directory)");
        }
        var resources = await store.GetResourcesAsync(stackId, cancellationToken).ConfigureAwait(false);
        if (!resources.Any(r => r.LogicalId == logicalId))
        {
            return SignalResponse.UnknownTarget($"Stack {stack.Name} has no resource {logicalId}");
        }
        if (!SignalBody.TryParse(body, now, out var signal, out var problem))
        {
            return SignalResponse.Malformed(problem);
        }
        await SignalAsync(handleKey, signal, cancellationToken).ConfigureAwait(false);
        return SignalResponse.Received(stack, logicalId, signal);
    }

    /// <summary>Records a signal for a handle key and wakes its waiters.</summary>
    public async Task SignalAsync(string handleKey, WaitSignal signal, CancellationToken cancellationToken)
    {
        await store.AddSignalAsync(handleKey, signal, cancellationToken).ConfigureAwait(false);
        if (_wakeups.TryRemove(handleKey, out var wakeup))
        {
            wakeup.TrySetResult();
        }
    }

    /// <summary>
    /// Waits until <paramref name="isDecided"/> says the signals so far settle the wait, or until
    /// <paramref name="timeout"/> from now. Returns the signals seen last either way.
    /// </summary>
    public Task<(IReadOnlyList<WaitSignal> Signals, bool TimedOut)> WaitAsync(
        string handleKey, Func<IReadOnlyList<WaitSignal>, bool> isDecided, TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken) =>
        WaitAsync(handleKey, isDecided, time.GetUtcNow() + timeout, pollInterval, cancellationToken);

    /// <summary>
    /// Waits until <paramref name="isDecided"/> says the signals so far settle the wait, or until <paramref name="deadline"/>
    /// (a resumed wait passes the one its first run had). The store is read every <paramref name="pollInterval"/>, so
    /// signals another process stored (<c>strata serve</c>) are seen as well as this process's, which wake it at once.
    /// </summary>
    public async Task<(IReadOnlyList<WaitSignal> Signals, bool TimedOut)> WaitAsync(
        string handleKey, Func<IReadOnlyList<WaitSignal>, bool> isDecided, DateTimeOffset deadline, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Register before reading, so a signal stored between the read and the wait still wakes us.
            var wakeup = _wakeups.GetOrAdd(handleKey, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            var signals = await store.GetSignalsAsync(handleKey, cancellationToken).ConfigureAwait(false);
            if (isDecided(signals))
            {
                return (signals, false);
            }
            var left = deadline - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return (signals, true);
            }
            var wait = left < pollInterval ? left : pollInterval;
            await Task.WhenAny(wakeup.Task, Task.Delay(wait, time, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Parses a cfn-signal body (see <see cref="SignalBody"/>); <paramref name="problem"/> names the field at fault.</summary>
    public static bool TryParseSignal(string body, DateTimeOffset receivedAt, out WaitSignal signal, out string problem)
    {
        var parsed = SignalBody.TryParse(body, receivedAt, out signal, out var why);
        problem = parsed ? "" : why.Message;
        return parsed;
    }
}
