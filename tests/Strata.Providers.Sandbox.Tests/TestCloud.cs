using System.Text.Json.Nodes;
using Strata.Engine.Providers;
using Strata.Providers.Sandbox.Settings;

namespace Strata.Providers.Sandbox.Tests;

/// <summary>
/// A sandbox cloud in a fresh temporary data directory with a manual clock; deleted on dispose.
/// <see cref="Reopen"/> opens a second cloud on the same directory, as another process would.
/// </summary>
internal sealed class TestCloud : IDisposable
{
    public const string Stack = "teststack";

    private readonly List<SandboxCloud> _opened = [];

    public TestCloud(SandboxSettings? settings = null, string? directory = null)
    {
        Directory = directory ?? Path.Combine(Path.GetTempPath(), "strata-sandbox-tests", Guid.NewGuid().ToString("N"));
        Settings = settings ?? new SandboxSettings { Seed = 42, Speed = 1 };
        Cloud = Reopen();
    }

    public string Directory { get; }
    public SandboxSettings Settings { get; }
    public ManualTimeProvider Time { get; } = new();
    public SandboxCloud Cloud { get; }
    public SandboxProvider Provider => Cloud.Provider;

    /// <summary>Another cloud on the same data directory and clock (a second process, as far as state goes).</summary>
    public SandboxCloud Reopen(SandboxSettings? settings = null)
    {
        var cloud = SandboxCloud.Open(Directory, settings ?? Settings, Time);
        _opened.Add(cloud);
        return cloud;
    }

    public static ResourceRequest Request(string type, string logicalId, JsonObject? properties = null, JsonObject? metadata = null,
        string? physicalId = null, string stack = Stack, string? clientToken = null) => new()
    {
        TypeName = type,
        LogicalId = logicalId,
        StackName = stack,
        ClientToken = clientToken ?? Guid.NewGuid().ToString(),
        DesiredState = properties ?? [],
        Metadata = metadata,
        PhysicalId = physicalId,
    };

    public static JsonObject Faults(JsonObject rules) => new() { ["Strata::Sandbox"] = rules.DeepClone() };

    /// <summary>Creates and, advancing the clock, polls until the create finishes.</summary>
    public async Task<ProgressEvent> CreateAsync(string type, string logicalId, JsonObject? properties = null, JsonObject? metadata = null, string stack = Stack)
    {
        var progress = await Provider.CreateAsync(Request(type, logicalId, properties, metadata, stack: stack), CancellationToken.None);
        return await FinishAsync(progress);
    }

    public async Task<ProgressEvent> UpdateAsync(string type, string logicalId, string physicalId, JsonObject properties, JsonObject? metadata = null)
    {
        var progress = await Provider.UpdateAsync(Request(type, logicalId, properties, metadata, physicalId), CancellationToken.None);
        return await FinishAsync(progress);
    }

    public async Task<ProgressEvent> DeleteAsync(string type, string logicalId, string physicalId, JsonObject? metadata = null)
    {
        var progress = await Provider.DeleteAsync(Request(type, logicalId, metadata: metadata, physicalId: physicalId), CancellationToken.None);
        return await FinishAsync(progress);
    }

    /// <summary>Advances the clock by each RetryAfter and polls until the operation is no longer in progress.</summary>
    public async Task<ProgressEvent> FinishAsync(ProgressEvent progress, int maxPolls = 100)
    {
        for (var i = 0; progress.Status == OperationStatus.InProgress && i < maxPolls; i++)
        {
            Time.Advance(progress.RetryAfter ?? TimeSpan.FromSeconds(1));
            progress = await Provider.GetStatusAsync(progress.RequestToken!, CancellationToken.None);
        }
        return progress;
    }

    /// <summary>Creates and fails the test unless the create succeeds.</summary>
    public async Task<ProgressEvent> CreateOkAsync(string type, string logicalId, JsonObject? properties = null, string stack = Stack)
    {
        var result = await CreateAsync(type, logicalId, properties, stack: stack);
        Assert.True(result.Status == OperationStatus.Success, $"create of {logicalId} ({type}) failed: {result.ErrorCode} {result.Message}");
        return result;
    }

    public void Dispose()
    {
        foreach (var cloud in _opened)
        {
            cloud.Dispose();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the test over it is not.
        }
    }
}
