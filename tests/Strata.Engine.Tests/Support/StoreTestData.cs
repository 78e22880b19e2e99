using Strata.Engine.Model;
using Strata.Engine.State;

namespace Strata.Engine.Tests.Support;

/// <summary>A state store in a fresh temporary directory, deleted with it.</summary>
public abstract class TemporaryStoreTests : IDisposable
{
    protected TemporaryStoreTests()
    {
        StoreDirectory = Path.Combine(Path.GetTempPath(), "strata-store-tests", Guid.NewGuid().ToString("N"));
        Store = StateStore.Open(StoreDirectory);
    }

    protected string StoreDirectory { get; }

    protected StateStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Directory.Delete(StoreDirectory, recursive: true);
        GC.SuppressFinalize(this);
    }

    protected static StackRecord Stack(string name, string id, StackStatus status = StackStatus.CreateInProgress, DateTimeOffset? created = null) => new()
    {
        StackId = id,
        Name = name,
        Status = status,
        TemplateBody = "Resources: {}",
        Provider = "test",
        CreatedAt = created ?? DateTimeOffset.UnixEpoch,
        UpdatedAt = created ?? DateTimeOffset.UnixEpoch,
    };

    protected static ResourceRecord Resource(string recordId, string stackId, ResourceStatus status = ResourceStatus.CreateInProgress) => new()
    {
        RecordId = recordId,
        StackId = stackId,
        LogicalId = "Queue",
        Type = "AWS::SQS::Queue",
        Status = status,
        Properties = StoredJson.From(new() { ["DelaySeconds"] = 5 }),
        DependsOn = ["Topic"],
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
