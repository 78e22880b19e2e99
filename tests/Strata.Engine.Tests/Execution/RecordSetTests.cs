using Strata.Engine.Execution;
using Strata.Engine.Model;

namespace Strata.Engine.Tests.Execution;

public class RecordSetTests
{
    private static ResourceRecord Record(string recordId, string logicalId, bool current) =>
        Template with { RecordId = recordId, LogicalId = logicalId, IsCurrent = current };

    private static readonly ResourceRecord Template = new()
    {
        RecordId = "r",
        StackId = "s",
        LogicalId = "L",
        Type = "AWS::SQS::Queue",
        Status = ResourceStatus.CreateComplete,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Current_ReplacementInFlight_IsTheOneMarkedCurrent()
    {
        var set = new RecordSet([Record("old", "Web", current: true)]);
        set.Save(Record("new", "Web", current: false));
        Assert.Equal("old", set.Current("Web")!.RecordId);

        set.Save(Record("old", "Web", current: false));
        set.Save(Record("new", "Web", current: true));
        Assert.Equal("new", set.Current("Web")!.RecordId);

        set.Remove("old");
        Assert.Equal("new", set.Current("Web")!.RecordId);
        Assert.Null(set.Current("Other"));
    }

    [Fact]
    public void Current_AfterRemovingTheOnlyRecord_IsNull()
    {
        var set = new RecordSet([Record("r1", "Queue", current: true)]);
        set.Remove("r1");
        Assert.Null(set.Current("Queue"));
        Assert.Empty(set.All);
    }
}
