using Microsoft.Data.Sqlite;
using Strata.Providers.Sandbox.Identity;
using Strata.Providers.Sandbox.Lifecycle;
using Strata.Providers.Sandbox.Network;
using Strata.Providers.Sandbox.Storage;
using Strata.Providers.Sandbox.Types;

namespace Strata.Providers.Sandbox.Power;

/// <summary>
/// Stop and start as EC2 and RDS do them: a stop goes through <c>stopping</c> (compute stops accruing at
/// once; storage goes on), a start through <c>pending</c>/<c>starting</c> (compute accrues once running).
/// An instance without an Elastic IP gives its public address back when it stops and gets a new one
/// when it starts, as on AWS.
/// </summary>
internal static class PowerTransitions
{
    public static ResourceRecord BeginStop(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, ResourceRecord resource)
    {
        var now = runtime.NowMs;
        var stopping = resource with
        {
            Power = PowerState.Stopping,
            PowerReadyAt = now + Duration(runtime, resource, PowerState.Stopped),
        };
        Metering.StopPowered(c, t, resource, now);
        ResourceTable.Replace(c, t, stopping);
        return stopping;
    }

    public static ResourceRecord BeginStart(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, ResourceRecord resource)
    {
        // Stopped instances do not count against the vCPU quota; starting one must fit again.
        runtime.Quotas.EnsureRoom(c, t, resource.Type, resource.Region, resource.Scope, resource.Vcpus);
        var starting = resource with
        {
            Power = PowerState.Pending,
            PowerReadyAt = runtime.NowMs + Duration(runtime, resource, PowerState.Running),
        };
        ResourceTable.Replace(c, t, starting);
        return starting;
    }

    /// <summary>Ends a due transition: stopping → stopped, pending → running.</summary>
    public static ResourceRecord Finish(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, ResourceRecord resource)
    {
        var at = resource.PowerReadyAt ?? runtime.NowMs;
        if (resource.Power == PowerState.Stopping)
        {
            var stopped = resource with { Power = PowerState.Stopped, PowerReadyAt = null, Model = ReleasePublicAddress(c, t, runtime, resource) };
            ResourceTable.Replace(c, t, stopped);
            return stopped;
        }
        var running = resource with { Power = PowerState.Running, PowerReadyAt = null, Model = AssignPublicAddress(c, t, runtime, resource) };
        ResourceTable.Replace(c, t, running);
        Metering.Start(c, t, running, at, poweredComponentsOnly: true);
        return running;
    }

    private static long Duration(SandboxRuntime runtime, ResourceRecord resource, PowerState target)
    {
        var (min, max) = PowerTypes.TransitionSeconds(resource.Type, target);
        var random = new DeterministicRandom(runtime.Seed, $"power|{resource.Type}|{resource.PhysicalId}|{target}|{runtime.NowMs}");
        return (long)Math.Round(runtime.Scale(min + (max - min) * random.NextDouble()).TotalMilliseconds);
    }

    private static System.Text.Json.Nodes.JsonObject ReleasePublicAddress(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, ResourceRecord resource)
    {
        var model = (System.Text.Json.Nodes.JsonObject)resource.Model.DeepClone();
        if (resource.Type != PowerTypes.Instance || JsonValues.ScalarText(model["PublicIp"]) is not { Length: > 0 } || HasElasticIp(c, t, resource))
        {
            return model;
        }
        new NetworkDirectory(c, t, runtime.Seed, resource.Region).ReleasePublic(resource.Type, resource.PhysicalId);
        model["PublicIp"] = "";
        model["PublicDnsName"] = "";
        // Remember that it had one, so that a start gives it a new one.
        CounterTable.Increment(c, t, HadPublicKey(resource));
        return model;
    }

    private static System.Text.Json.Nodes.JsonObject AssignPublicAddress(SqliteConnection c, SqliteTransaction t, SandboxRuntime runtime, ResourceRecord resource)
    {
        var model = (System.Text.Json.Nodes.JsonObject)resource.Model.DeepClone();
        if (CounterTable.Get(c, t, HadPublicKey(resource)) == 0)
        {
            return model;
        }
        CounterTable.Delete(c, t, HadPublicKey(resource));
        var random = new DeterministicRandom(runtime.Seed, $"public-ip|{resource.PhysicalId}|{runtime.NowMs}");
        var address = new NetworkDirectory(c, t, runtime.Seed, resource.Region).AllocatePublicIp(random, resource.Type, resource.PhysicalId);
        model["PublicIp"] = address;
        model["PublicDnsName"] = Ec2InstanceProfile.PublicDnsName(resource.Region, address);
        return model;
    }

    private static string HadPublicKey(ResourceRecord resource) => $"had-public-ip|{resource.PhysicalId}";

    private static bool HasElasticIp(SqliteConnection c, SqliteTransaction t, ResourceRecord instance) =>
        ResourceTable.Referencing(c, t, instance.PhysicalId)
            .Any(r => r.Type is "AWS::EC2::EIP" or "AWS::EC2::EIPAssociation");
}
