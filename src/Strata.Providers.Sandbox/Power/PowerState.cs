namespace Strata.Providers.Sandbox.Power;

/// <summary>
/// The power state of an instance or database, in EC2's terms; <see cref="PowerNames"/> spells it the
/// way each service does (RDS says <c>available</c> where EC2 says <c>running</c>).
/// </summary>
public enum PowerState
{
    Pending,
    Running,
    Stopping,
    Stopped,
}

internal static class PowerNames
{
    public static string For(string typeName, PowerState state) => typeName switch
    {
        "AWS::EC2::Instance" => state switch
        {
            PowerState.Pending => "pending",
            PowerState.Running => "running",
            PowerState.Stopping => "stopping",
            _ => "stopped",
        },
        _ => state switch
        {
            PowerState.Pending => "starting",
            PowerState.Running => "available",
            PowerState.Stopping => "stopping",
            _ => "stopped",
        },
    };

    /// <summary>EC2's numeric state codes (the <c>State.Code</c> of an instance).</summary>
    public static int Ec2Code(PowerState state) => state switch
    {
        PowerState.Pending => 0,
        PowerState.Running => 16,
        PowerState.Stopping => 64,
        _ => 80,
    };
}
