using System.Text.Json.Nodes;
using Strata.Providers.Sandbox.Storage;

namespace Strata.Providers.Sandbox.Power;

/// <summary>The types that can be stopped and started, and how their power shows in the model.</summary>
internal static class PowerTypes
{
    public const string Instance = "AWS::EC2::Instance";
    public const string Database = "AWS::RDS::DBInstance";

    public static bool IsPowered(string typeName) => typeName is Instance or Database;

    /// <summary>Stop and start times in sandbox seconds (an instance stops in under a minute; a database takes minutes).</summary>
    public static (double Min, double Max) TransitionSeconds(string typeName, PowerState target) => (typeName, target) switch
    {
        (Instance, PowerState.Stopped) => (30, 60),
        (Instance, _) => (15, 30),
        (_, PowerState.Stopped) => (120, 300),
        _ => (300, 600),
    };

    /// <summary>The model as Read returns it: the stored model with the current power state written in.</summary>
    public static JsonObject Decorate(ResourceRecord resource)
    {
        var model = (JsonObject)resource.Model.DeepClone();
        if (resource.Power is not { } power)
        {
            return model;
        }
        if (resource.Type == Instance)
        {
            model["State"] = new JsonObject { ["Code"] = PowerNames.Ec2Code(power), ["Name"] = PowerNames.For(resource.Type, power) };
        }
        else
        {
            model["DBInstanceStatus"] = PowerNames.For(resource.Type, power);
        }
        return model;
    }
}
