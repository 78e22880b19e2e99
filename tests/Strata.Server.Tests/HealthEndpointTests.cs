using System.Net;
using Strata.Engine.Signals;
using Strata.Server.Tests.Support;

namespace Strata.Server.Tests;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task GetHealth_Running_ReportsHealthyWithTheDataDirectorysKeyId()
    {
        await using var server = await ServerHost.StartAsync();

        using var response = await server.Http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await CfnSignal.JsonAsync(response);
        Assert.Equal("healthy", report.GetProperty("status").GetString());
        Assert.Equal(SignalUrls.ForDataDirectory(server.Directory).KeyId, report.GetProperty("signalKeyId").GetString());
    }

    [Fact]
    public async Task GetHealth_TwoDataDirectories_ReportDifferentKeyIds()
    {
        await using var one = await ServerHost.StartAsync();
        await using var other = await ServerHost.StartAsync();

        var first = (await CfnSignal.JsonAsync(await one.Http.GetAsync("/health"))).GetProperty("signalKeyId").GetString();
        var second = (await CfnSignal.JsonAsync(await other.Http.GetAsync("/health"))).GetProperty("signalKeyId").GetString();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Get_UnknownPath_Returns404Problem()
    {
        await using var server = await ServerHost.StartAsync();

        using var response = await server.Http.GetAsync("/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task StopAsync_Running_StopsAnsweringOnItsPort()
    {
        var server = await ServerHost.StartAsync();
        var health = new Uri(server.BaseUrl, "/health");
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(health)).StatusCode);

        await server.DisposeAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(health));
    }
}
