using System.Collections.Concurrent;
using System.Text.Json;
using Strata.Engine.State;

namespace Strata.Engine.Signals;

/// <summary>What the signal endpoint answers: an HTTP status code and a message.</summary>
public sealed record SignalResponse(int StatusCode, string Message);

/// <summary>
/// Receives wait-condition signals (from the HTTP endpoint, or directly) and wakes whoever waits for them.
/// Signals are stored first, so a wait in another process sees them on its next store check, and a
/// waiter in this process is woken at once. Knows nothing of HTTP: the host passes path, query and body.
/// </summary>
public sealed class SignalHub(StateStore store, SignalUrls urls, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _wakeups = new(StringComparer.Ordinal);

    public SignalUrls Urls => urls;

    /// <summary>Handles <c>PUT {pathAndQuery}</c> with a cfn-signal body <c>{Status, Reason, UniqueId, Data}</c>.</summary>
    public async Task<SignalResponse> AcceptAsync(string method, string pathAndQuery, string body, CancellationToken cancellationToken)
    {
        if (!string.Equals(method, "PUT", StringComparison.OrdinalIgnoreCase) && !string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return new SignalResponse(405, "Send signals with PUT (as cfn-signal does)");
        }
        if (!urls.TryVerify(pathAndQuery, time.GetUtcNow(), out var handleKey, out var error))
        {
            return new SignalResponse(403, "Signal refused: " + error);
        }
        if (!TryParseSignal(body, time.GetUtcNow(), out var signal, out var problem))
        {
            return new SignalResponse(400, problem);
        }
        await SignalAsync(handleKey, signal, cancellationToken).ConfigureAwait(false);
        return new SignalResponse(200, "Signal received");
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
    /// <paramref name="timeout"/>. Returns the signals seen last either way.
    /// </summary>
    public async Task<(IReadOnlyList<WaitSignal> Signals, bool TimedOut)> WaitAsync(
        string handleKey, Func<IReadOnlyList<WaitSignal>, bool> isDecided, TimeSpan timeout, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
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

    public static bool TryParseSignal(string body, DateTimeOffset receivedAt, out WaitSignal signal, out string problem)
    {
        signal = null!;
        try
        {
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "The signal body must be a JSON object {Status, Reason, UniqueId, Data}";
                return false;
            }
            string? Field(string name) => root.TryGetProperty(name, out var v) && v.ValueKind != JsonValueKind.Null
                ? (v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())
                : null;
            var status = Field("Status");
            if (status is null || !(status.Equals("SUCCESS", StringComparison.OrdinalIgnoreCase) || status.Equals("FAILURE", StringComparison.OrdinalIgnoreCase)))
            {
                problem = "The signal's Status must be SUCCESS or FAILURE";
                return false;
            }
            var uniqueId = Field("UniqueId");
            if (string.IsNullOrEmpty(uniqueId))
            {
                problem = "The signal has no UniqueId";
                return false;
            }
            signal = new WaitSignal(uniqueId, status.ToUpperInvariant(), Field("Reason"), Field("Data"), receivedAt);
            problem = "";
            return true;
        }
        catch (JsonException ex)
        {
            problem = "The signal body is not JSON: " + ex.Message;
            return false;
        }
    }
}
