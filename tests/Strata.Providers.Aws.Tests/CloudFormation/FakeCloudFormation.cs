using System.Collections.Concurrent;
using System.Globalization;
using System.Xml.Linq;
using Strata.Providers.Aws.Credentials;
using Strata.Providers.Aws.Tests.Infrastructure;
using static Strata.Testing.CloudFormationResponses;

namespace Strata.Providers.Aws.Tests.CloudFormation;

/// <summary>
/// A loopback CloudFormation for what moto cannot do (rollbacks, hangs, CancelUpdateStack, ContinueUpdateRollback):
/// one stack whose status and event log a test scripts on a timeline of the test's clock, answered in the XML
/// shapes of AWS's API reference (DescribeStacks, DescribeStackEvents, DescribeChangeSet examples). Because the
/// timeline follows the clock, the script does not depend on how often the code under test polls.
/// </summary>
public sealed class FakeCloudFormation : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly TimeProvider _clock;
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset At, Action<FakeCloudFormation> Step)> _timeline = [];
    private readonly List<XElement> _events = [];
    private readonly Dictionary<string, Action<FakeCloudFormation, IReadOnlyDictionary<string, string>>> _handlers = new();
    private int _eventNumber;

    public FakeCloudFormation(string stackName, TimeProvider clock)
    {
        StackName = stackName;
        StackId = $"arn:aws:cloudformation:us-east-1:123456789012:stack/{stackName}/4b5e0c10-8c4b-11e5-9f9a-500c28b23699";
        _clock = clock;
        _server = new LoopbackHttpServer(HandleAsync);
    }

    public string StackName { get; }
    public string StackId { get; }

    /// <summary>The stack's status; null while no stack exists.</summary>
    public string? Status { get; set; }

    public string? StatusReason { get; set; }

    public List<(string Key, string Value)> Outputs { get; } = [];

    /// <summary>DescribeChangeSet's Changes members (documented <c>ResourceChange</c> elements, without namespace).</summary>
    public List<string> ChangeSetChanges { get; } = [];

    public ConcurrentQueue<(string Action, IReadOnlyDictionary<string, string> Form)> Calls { get; } = new();

    public List<string> Actions => Calls.Select(c => c.Action).ToList();

    public IReadOnlyDictionary<string, string> LastForm(string action) => Calls.Last(c => c.Action == action).Form;

    public AwsClientContext Context() =>
        new AwsClientContext("us-east-1", new StaticCredentialsProvider(new AwsCredentials("AKIDFAKECFN", "fake-secret")))
            .WithEndpoint(_server.Url, "the fake CloudFormation");

    public FakeCloudFormation StackEvent(string status, string? reason = null)
    {
        Status = status;
        return AddEvent(StackName, "AWS::CloudFormation::Stack", status, reason, StackId);
    }

    public FakeCloudFormation ResourceEvent(string logicalId, string type, string status, string? reason = null, string? physicalId = null) =>
        AddEvent(logicalId, type, status, reason, physicalId);

    /// <summary>Runs <paramref name="step"/> once the test clock has moved <paramref name="delay"/> past now.</summary>
    public FakeCloudFormation After(TimeSpan delay, Action<FakeCloudFormation> step)
    {
        lock (_gate) _timeline.Add((_clock.GetUtcNow() + delay, step));
        return this;
    }

    /// <summary>What the stack does when it receives <paramref name="action"/> (ExecuteChangeSet, CancelUpdateStack, ...).</summary>
    public FakeCloudFormation On(string action, Action<FakeCloudFormation, IReadOnlyDictionary<string, string>> handler)
    {
        _handlers[action] = handler;
        return this;
    }

    private FakeCloudFormation AddEvent(string logicalId, string type, string status, string? reason, string? physicalId)
    {
        var number = Interlocked.Increment(ref _eventNumber);
        var member = new XElement(Ns + "member",
            new XElement(Ns + "Timestamp", _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            new XElement(Ns + "ResourceStatus", status),
            new XElement(Ns + "StackId", StackId),
            new XElement(Ns + "EventId", $"{logicalId}-{status}-{number:D4}"),
            new XElement(Ns + "LogicalResourceId", logicalId),
            new XElement(Ns + "StackName", StackName),
            physicalId is null ? null : new XElement(Ns + "PhysicalResourceId", physicalId),
            new XElement(Ns + "ResourceType", type),
            reason is null ? null : new XElement(Ns + "ResourceStatusReason", reason));
        lock (_gate) _events.Add(member);
        return this;
    }

    private Task<byte[]?> HandleAsync(CapturedRequest request, CancellationToken cancellationToken)
    {
        var form = RecordedAwsEndpoint.Form(request);
        var action = form.GetValueOrDefault("Action", "");
        lock (_gate)
        {
            foreach (var due in _timeline.Where(t => t.At <= _clock.GetUtcNow()).OrderBy(t => t.At).ToList())
            {
                _timeline.Remove(due);
                due.Step(this);
            }
        }
        Calls.Enqueue((action, form));
        if (_handlers.TryGetValue(action, out var handler)) handler(this, form);
        return Task.FromResult<byte[]?>(Respond(action, form));
    }

    private byte[] Respond(string action, Dictionary<string, string> form)
    {
        switch (action)
        {
            case "DescribeStacks":
                var asked = form.GetValueOrDefault("StackName");
                // CloudFormation answers for a deleted stack by its id only.
                if (Status is null || (Status == "DELETE_COMPLETE" && asked != StackId))
                    return Error("ValidationError", $"Stack with id {asked} does not exist");
                return Ok(action, new XElement(Ns + "Stacks", new XElement(Ns + "member",
                    new XElement(Ns + "StackName", StackName),
                    new XElement(Ns + "StackId", StackId),
                    new XElement(Ns + "CreationTime", "2025-03-01T12:00:00Z"),
                    new XElement(Ns + "StackStatus", Status),
                    StatusReason is null ? null : new XElement(Ns + "StackStatusReason", StatusReason),
                    new XElement(Ns + "Outputs", Outputs.Select(o => new XElement(Ns + "member",
                        new XElement(Ns + "OutputKey", o.Key), new XElement(Ns + "OutputValue", o.Value)))))));
            case "DescribeStackEvents":
                lock (_gate)
                    return Ok(action, new XElement(Ns + "StackEvents", _events.AsEnumerable().Reverse().Select(e => new XElement(e))));
            case "CreateChangeSet":
                if (form.GetValueOrDefault("ChangeSetType") == "CREATE") StackEvent("REVIEW_IN_PROGRESS", "User Initiated");
                return Ok(action, new XElement(Ns + "Id", ChangeSetId), new XElement(Ns + "StackId", StackId));
            case "DescribeChangeSet":
                return Ok(action,
                    new XElement(Ns + "ChangeSetName", "strata-plan"), new XElement(Ns + "ChangeSetId", ChangeSetId),
                    new XElement(Ns + "StackId", StackId), new XElement(Ns + "StackName", StackName),
                    new XElement(Ns + "Status", "CREATE_COMPLETE"), new XElement(Ns + "ExecutionStatus", "AVAILABLE"),
                    new XElement(Ns + "Changes", ChangeSetChanges.Select(c => new XElement(Ns + "member",
                        new XElement(Ns + "Type", "Resource"), WithNamespace(XElement.Parse(c))))));
            default:
                // ExecuteChangeSet, DeleteStack, CancelUpdateStack, ContinueUpdateRollback, DeleteChangeSet: empty results.
                return Ok(action);
        }
    }

    private string ChangeSetId => $"arn:aws:cloudformation:us-east-1:123456789012:changeSet/strata-plan/1a2345b6-0000-00a0-a123-00abc0abc000";

    private static XElement WithNamespace(XElement e) =>
        new(Ns + e.Name.LocalName, e.Attributes(), e.Nodes().Select(n => n is XElement child ? WithNamespace(child) : n));

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
