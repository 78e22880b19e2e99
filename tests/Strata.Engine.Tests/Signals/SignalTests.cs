using Strata.Engine.Signals;
using Strata.Engine.State;

namespace Strata.Engine.Tests.Signals;

public class SignalTests
{
    private static readonly SignalUrls Urls = new(new byte[32]);
    private static readonly DateTimeOffset Now = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TryVerify_UrlItIssued_ReturnsTheHandleKey()
    {
        var url = new Uri(Urls.Create(new Uri("http://127.0.0.1:5000/"), "stack|Handle", Now));

        Assert.True(Urls.TryVerify(url.PathAndQuery, Now.AddHours(1), out var key, out _));
        Assert.Equal("stack|Handle", key);
        Assert.True(SignalUrls.TryReadHandleKey(url.ToString(), out var read));
        Assert.Equal("stack|Handle", read);
    }

    [Fact]
    public void TryVerify_TamperedHandle_IsRefused()
    {
        var url = new Uri(Urls.Create(new Uri("http://127.0.0.1:5000/"), "stack|Handle", Now));
        var forged = new Uri(Urls.Create(new Uri("http://127.0.0.1:5000/"), "stack|Other", Now));
        var mixed = forged.AbsolutePath + url.Query;

        Assert.False(Urls.TryVerify(mixed, Now, out _, out var error));
        Assert.Contains("signature", error);
    }

    [Fact]
    public void TryVerify_OtherKey_IsRefused()
    {
        var url = new Uri(new SignalUrls([1, 2, 3]).Create(new Uri("http://h/"), "stack|Handle", Now));

        Assert.False(Urls.TryVerify(url.PathAndQuery, Now, out _, out _));
    }

    [Fact]
    public void TryVerify_AfterExpiry_IsRefused()
    {
        var url = new Uri(Urls.Create(new Uri("http://h/"), "stack|Handle", Now));

        Assert.False(Urls.TryVerify(url.PathAndQuery, Now + SignalUrls.Validity + TimeSpan.FromMinutes(1), out _, out var error));
        Assert.Contains("expired", error);
    }

    [Theory]
    [InlineData("""{"Status":"SUCCESS","Reason":"ok","UniqueId":"i-1","Data":"x"}""", true)]
    [InlineData("""{"Status":"FAILURE","UniqueId":"i-1"}""", true)]
    [InlineData("""{"Status":"MAYBE","UniqueId":"i-1"}""", false)]
    [InlineData("""{"Status":"SUCCESS"}""", false)]
    [InlineData("not json", false)]
    [InlineData("[1]", false)]
    public void TryParseSignal_CfnSignalBodies_AcceptsOnlyWellFormedOnes(string body, bool valid)
    {
        Assert.Equal(valid, SignalHub.TryParseSignal(body, Now, out _, out _));
    }

    [Fact]
    public void TryParseSignal_CustomResourceResponse_KeptWholeUnderItsRequestId()
    {
        const string body = """{"Status":"FAILED","Reason":"no such key","PhysicalResourceId":"p-1","StackId":"s","RequestId":"r-1","LogicalResourceId":"L","Data":{"A":"1"}}""";

        Assert.True(SignalHub.TryParseSignal(body, Now, out var signal, out _));

        Assert.Equal("r-1", signal.UniqueId);
        Assert.Equal("FAILURE", signal.Status);
        Assert.Equal("no such key", signal.Reason);
        Assert.Equal(body, signal.Data);
    }

    [Theory]
    [InlineData("""{"Status":"FAILURE","RequestId":"r-1"}""", "Status")]
    [InlineData("""{"status":"SUCCESS","RequestId":"r-1"}""", "Status")]
    [InlineData("""{"Status":"SUCCESS","RequestId":""}""", "RequestId")]
    [InlineData("""{"Status":"SUCCESS","RequestId":"r-1","Data":"flat"}""", "Data")]
    public void TryParseSignal_MalformedCustomResourceResponse_NamesTheField(string body, string field)
    {
        Assert.False(SignalBody.TryParse(body, Now, out _, out var problem));

        Assert.Equal(field, problem.Field);
    }

    [Fact]
    public async Task WaitAsync_SignalArrivesWhileWaiting_WakesAtOnce()
    {
        var directory = Path.Combine(Path.GetTempPath(), "strata-signal-tests", Guid.NewGuid().ToString("N"));
        using var store = StateStore.Open(directory);
        var hub = new SignalHub(store, Urls, TimeProvider.System);

        var wait = hub.WaitAsync("k", s => s.Count >= 1, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5), CancellationToken.None);
        await hub.SignalAsync("k", new WaitSignal("u", "SUCCESS", null, null, Now), CancellationToken.None);
        var (signals, timedOut) = await wait.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(timedOut);
        Assert.Single(signals);
        Directory.Delete(directory, recursive: true);
    }
}
