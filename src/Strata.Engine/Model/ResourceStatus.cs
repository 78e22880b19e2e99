namespace Strata.Engine.Model;

/// <summary>A resource's status, with CloudFormation's names.</summary>
public enum ResourceStatus
{
    CreateInProgress,
    CreateFailed,
    CreateComplete,
    DeleteInProgress,
    DeleteFailed,
    DeleteComplete,
    DeleteSkipped,
    UpdateInProgress,
    UpdateFailed,
    UpdateComplete,
}

public static class ResourceStatuses
{
    public static string ToCfn(this ResourceStatus status) => StatusNames.ToCfn(status);

    public static ResourceStatus Parse(string text) => StatusNames.Parse<ResourceStatus>(text);

    /// <summary>The resource exists in the cloud (as far as the engine knows).</summary>
    public static bool Exists(this ResourceStatus status) => status is not (ResourceStatus.DeleteComplete or ResourceStatus.DeleteSkipped);
}
