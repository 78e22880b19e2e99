using Strata.Engine;
using Strata.Engine.Definition;
using Strata.Engine.Execution;
using Strata.Engine.State;
using Strata.Engine.Templating;
using Strata.Providers.Sandbox;
using Strata.Providers.Sandbox.Settings;

namespace Strata.Scenarios.Tests;

public class SmokeTests
{
    [Fact]
    public async Task Up_SimpleTemplate_Creates()
    {
        var dir = Path.Combine(Path.GetTempPath(), "strata-smoke", Guid.NewGuid().ToString("N"));
        using var cloud = SandboxCloud.Open(dir, new SandboxSettings { Speed = 200, Seed = 1 });
        using var store = StateStore.Open(dir);
        var engine = new StackEngine(store, cloud.Provider, TemplateDefinitionFactory.Instance, SpecReplacementRules.Default);
        var template = """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties:
                  CidrBlock: 10.0.0.0/16
              Subnet:
                Type: AWS::EC2::Subnet
                Properties:
                  VpcId: !Ref Vpc
                  CidrBlock: 10.0.1.0/24
            Outputs:
              SubnetId:
                Value: !Ref Subnet
            """;
        var result = await engine.UpAsync(new UpRequest { StackName = "smoke", Template = new TemplateSource(template, null) }, CancellationToken.None);
        var events = await store.GetEventsAsync(result.Stack!.StackId, 0, CancellationToken.None);
        foreach (var e in events) Console.WriteLine($"{e.LogicalId} {e.Status} {e.PhysicalId} {e.Reason}");
        Assert.True(result.Succeeded, string.Join("; ", result.Messages) + result.RootCause);
    }
}
