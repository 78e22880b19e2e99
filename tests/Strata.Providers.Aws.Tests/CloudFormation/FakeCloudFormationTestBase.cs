using Strata.Providers.Aws.CloudFormation;
using Strata.Providers.Aws.Tests.Infrastructure;

namespace Strata.Providers.Aws.Tests.CloudFormation;

/// <summary>
/// A deployer against the loopback CloudFormation (stack "web") on a stepping clock with its own data
/// directory: the set-up shared by the tests of paths moto cannot produce.
/// </summary>
public abstract class FakeCloudFormationTestBase : IAsyncLifetime
{
    protected readonly SteppingClock _clock = new();
    protected readonly TempDirectory _data = new();
    protected FakeCloudFormation _cfn = null!;

    public Task InitializeAsync()
    {
        _cfn = new FakeCloudFormation("web", _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _cfn.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>Each test class's polling and warning settings on top of the shared ones.</summary>
    protected abstract CloudFormationDeployerOptions Configure(CloudFormationDeployerOptions options);

    protected CloudFormationDeployer Deployer() => new(_cfn.Context(), Configure(new CloudFormationDeployerOptions
    {
        DataDirectory = _data.Path,
        Time = _clock,
        PollInterval = TimeSpan.FromSeconds(5),
    }));
}
