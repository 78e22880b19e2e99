using Strata.Engine.Execution;
using Strata.Engine.Providers;
using Strata.Engine.State;
using Strata.Engine.Tests.Support;

namespace Strata.Engine.Tests.Execution;

public class ProviderInvokerTests
{
    private static readonly EngineOptions Fast = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        InitialPollInterval = TimeSpan.FromMilliseconds(1),
        MaxRetries = 3,
    };

    private static ResourceRequest Request(string logicalId) => new()
    {
        TypeName = "AWS::SQS::Queue",
        LogicalId = logicalId,
        StackName = "s",
        ClientToken = "token",
    };

    private static readonly CallProgress Ignore = (_, _, _) => Task.CompletedTask;

    [Fact]
    public async Task InvokeAsync_Throttled_RetriesWithNewClientTokensUntilSuccess()
    {
        var provider = new ScriptedProvider();
        var attempts = 0;
        provider.Script("Q", _ => Task.FromResult(Interlocked.Increment(ref attempts) <= 2
            ? ProgressEvent.Failure(HandlerErrorCode.Throttling, "Rate exceeded", TimeSpan.FromMilliseconds(2))
            : null));
        var tokens = new List<string>();

        var result = await new ProviderInvoker(TimeProvider.System, Fast).InvokeAsync(provider, ProviderAction.Create, Request("Q"), null,
            (token, _, _) => { tokens.Add(token); return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(OperationStatus.Success, result.Status);
        Assert.Equal(["token", "token-r1", "token-r2"], provider.Calls.Select(c => c.ClientToken));
        Assert.Equal(["token-r1", "token-r2"], tokens);
    }

    [Fact]
    public async Task InvokeAsync_ThrottledBeyondTheRetryLimit_FailsWithTheProvidersError()
    {
        var provider = new ScriptedProvider();
        provider.Script("Q", _ => Task.FromResult<ProgressEvent?>(ProgressEvent.Failure(HandlerErrorCode.Throttling, "Rate exceeded")));

        var result = await new ProviderInvoker(TimeProvider.System, Fast).InvokeAsync(provider, ProviderAction.Create, Request("Q"), null, Ignore, CancellationToken.None);

        Assert.Equal(HandlerErrorCode.Throttling, result.ErrorCode);
        Assert.Equal(Fast.MaxRetries + 1, provider.Calls.Count);
    }

    [Fact]
    public async Task InvokeAsync_NotRetryableFailure_FailsAtOnce()
    {
        var provider = new ScriptedProvider();
        provider.Script("Q", _ => Task.FromResult<ProgressEvent?>(ProgressEvent.Failure(HandlerErrorCode.InvalidRequest, "bad")));

        var result = await new ProviderInvoker(TimeProvider.System, Fast).InvokeAsync(provider, ProviderAction.Create, Request("Q"), null, Ignore, CancellationToken.None);

        Assert.Equal(HandlerErrorCode.InvalidRequest, result.ErrorCode);
        Assert.Single(provider.Calls);
    }

    [Fact]
    public async Task InvokeAsync_LongOperation_PollsUntilDoneAndReportsThePhysicalIdEarly()
    {
        var provider = new PollingProvider(pollsBeforeDone: 3);
        string? reported = null;

        var result = await new ProviderInvoker(TimeProvider.System, Fast).InvokeAsync(provider, ProviderAction.Create, Request("Q"), null,
            (_, physicalId, _) => { reported = physicalId; return Task.CompletedTask; }, CancellationToken.None);

        Assert.Equal(OperationStatus.Success, result.Status);
        Assert.Equal(3, provider.Polls);
        Assert.Equal("q-1", reported);
    }

    [Fact]
    public async Task InvokeAsync_OperationNeverFinishes_TimesOutCancelsAndExplains()
    {
        var provider = new PollingProvider(pollsBeforeDone: int.MaxValue);

        var result = await new ProviderInvoker(TimeProvider.System, Fast).InvokeAsync(provider, ProviderAction.Create, Request("Q"),
            TimeSpan.FromMilliseconds(100), Ignore, CancellationToken.None);

        Assert.Equal(HandlerErrorCode.NotStabilized, result.ErrorCode);
        Assert.Contains("did not complete within 100ms", result.Message);
        Assert.Equal(["request-1"], provider.Cancelled);
    }

    [Fact]
    public async Task InvokeAsync_CallerCancels_ThrowsInsteadOfReportingATimeout()
    {
        var provider = new PollingProvider(pollsBeforeDone: int.MaxValue);
        using var abort = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ProviderInvoker(TimeProvider.System, Fast).InvokeAsync(provider, ProviderAction.Create, Request("Q"), TimeSpan.FromMinutes(5), Ignore, abort.Token));
    }

    /// <summary>Answers create with InProgress and completes after a number of polls.</summary>
    private sealed class PollingProvider(int pollsBeforeDone) : IResourceProvider
    {
        public int Polls;
        public List<string> Cancelled { get; } = [];

        public string Name => "polling";
        public bool Supports(string typeName) => true;

        public Task<ProgressEvent> CreateAsync(ResourceRequest request, CancellationToken cancellationToken) =>
            Task.FromResult(ProgressEvent.InProgress("request-1", TimeSpan.FromMilliseconds(1), "q-1"));

        public Task<ProgressEvent> GetStatusAsync(string requestToken, CancellationToken cancellationToken) =>
            Task.FromResult(++Polls >= pollsBeforeDone
                ? ProgressEvent.Succeeded("q-1", [])
                : ProgressEvent.InProgress(requestToken, TimeSpan.FromMilliseconds(1)));

        public Task CancelAsync(string requestToken, CancellationToken cancellationToken)
        {
            Cancelled.Add(requestToken);
            return Task.CompletedTask;
        }

        public Task<ProgressEvent> ReadAsync(ResourceRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ProgressEvent> UpdateAsync(ResourceRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ProgressEvent> DeleteAsync(ResourceRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
        public Task<ListResourcesResult> ListAsync(string typeName, string? nextToken, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
