using System.Collections.Concurrent;
using System.Xml.Linq;
using static Strata.Testing.CloudFormationResponses;

namespace Strata.Cli.Tests.Support;

/// <summary>
/// A loopback CloudFormation for what moto cannot do (ContinueUpdateRollback): one stack whose update failed and whose
/// rollback failed on <see cref="StuckResource"/>. Answers DescribeStacks, DescribeStackEvents and ContinueUpdateRollback
/// in the XML shapes of AWS's API reference; a ContinueUpdateRollback moves the stack on to UPDATE_ROLLBACK_COMPLETE.
/// Any other action is answered with an error naming it, so a test sees what it did not expect.
/// </summary>
public sealed class FakeCloudFormationEndpoint : IAsyncDisposable
{
    public const string StuckResource = "Database";
    private const string StuckType = "AWS::RDS::DBInstance";

    private readonly LoopbackHttpServer _server;
    private readonly Lock _gate = new();
    private readonly List<XElement> _events = [];
    private int _eventNumber;

    public FakeCloudFormationEndpoint(string stackName)
    {
        StackName = stackName;
        StackId = $"arn:aws:cloudformation:us-east-1:123456789012:stack/{stackName}/4b5e0c10-8c4b-11e5-9f9a-500c28b23699";
        StackEvent("CREATE_COMPLETE");
        StackEvent("UPDATE_IN_PROGRESS", "User Initiated");
        ResourceEvent("UPDATE_FAILED", "Resource handler returned message: \"Invalid DB instance class\" (HandlerErrorCode: InvalidRequest)");
        StackEvent("UPDATE_ROLLBACK_IN_PROGRESS", $"The following resource(s) failed to update: [{StuckResource}].");
        ResourceEvent("UPDATE_FAILED", "Resource handler returned message: \"Cannot modify a stopped instance\" (HandlerErrorCode: InvalidRequest)");
        StackEvent("UPDATE_ROLLBACK_FAILED", $"The following resource(s) failed to update: [{StuckResource}].");

        _server = new LoopbackHttpServer(HandleAsync);
        Endpoint = _server.Url.ToString().TrimEnd('/');
    }

    public string StackName { get; }
    public string StackId { get; }

    /// <summary>The endpoint as a user writes it: <c>http://127.0.0.1:PORT</c>, no trailing slash.</summary>
    public string Endpoint { get; }

    public string Status { get; private set; } = "UPDATE_ROLLBACK_FAILED";

    /// <summary>Every call received: its Action and its form parameters.</summary>
    public ConcurrentQueue<(string Action, IReadOnlyDictionary<string, string> Form)> Calls { get; } = new();

    /// <summary>The environment of a child <c>strata</c> pointed at this endpoint (the machine's ~/.aws kept out).</summary>
    public Dictionary<string, string?> UserEnvironment() => AwsUserEnvironment.ForChildProcess(Endpoint, "AKIDFAKECFNCLI", "fake-cfn-secret");

    private void StackEvent(string status, string? reason = null)
    {
        Status = status;
        AddEvent(StackName, "AWS::CloudFormation::Stack", status, reason, StackId);
    }

    private void ResourceEvent(string status, string reason) => AddEvent(StuckResource, StuckType, status, reason, "strata-db");

    private void AddEvent(string logicalId, string type, string status, string? reason, string physicalId)
    {
        var number = Interlocked.Increment(ref _eventNumber);
        lock (_gate)
        {
            _events.Add(new XElement(Ns + "member",
                new XElement(Ns + "Timestamp", DateTime.UtcNow.AddMinutes(-60 + number).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")),
                new XElement(Ns + "ResourceStatus", status),
                new XElement(Ns + "StackId", StackId),
                new XElement(Ns + "EventId", $"{logicalId}-{status}-{number:D4}"),
                new XElement(Ns + "LogicalResourceId", logicalId),
                new XElement(Ns + "StackName", StackName),
                new XElement(Ns + "PhysicalResourceId", physicalId),
                new XElement(Ns + "ResourceType", type),
                reason is null ? null : new XElement(Ns + "ResourceStatusReason", reason)));
        }
    }

    private Task<byte[]?> HandleAsync(CapturedRequest request, CancellationToken cancellationToken)
    {
        var form = request.FormParameters();
        var action = form.GetValueOrDefault("Action", "");
        Calls.Enqueue((action, form));
        return Task.FromResult<byte[]?>(Respond(action, form));
    }

    private byte[] Respond(string action, IReadOnlyDictionary<string, string> form)
    {
        switch (action)
        {
            case "DescribeStacks":
                var asked = form.GetValueOrDefault("StackName");
                if (asked != StackName && asked != StackId)
                {
                    return Error("ValidationError", $"Stack with id {asked} does not exist");
                }
                return Ok(action, new XElement(Ns + "Stacks", new XElement(Ns + "member",
                    new XElement(Ns + "StackName", StackName),
                    new XElement(Ns + "StackId", StackId),
                    new XElement(Ns + "CreationTime", "2025-03-01T12:00:00Z"),
                    new XElement(Ns + "StackStatus", Status))));
            case "DescribeStackEvents":
                lock (_gate)
                {
                    return Ok(action, new XElement(Ns + "StackEvents", _events.AsEnumerable().Reverse().Select(e => new XElement(e))));
                }
            case "ContinueUpdateRollback" when Status == "UPDATE_ROLLBACK_FAILED":
                // Settled at once: the rollback's events are all there by the first poll.
                StackEvent("UPDATE_ROLLBACK_IN_PROGRESS", "Continue rollback requested by user");
                if (form.Any(p => p.Key.StartsWith("ResourcesToSkip.member.", StringComparison.Ordinal) && p.Value == StuckResource))
                {
                    ResourceEvent("UPDATE_COMPLETE", "Resource skipped during rollback");
                }
                StackEvent("UPDATE_ROLLBACK_COMPLETE");
                return Ok(action);
            case "ContinueUpdateRollback":
                return Error("ValidationError", $"Stack {StackName} is in {Status} state and cannot continue its rollback");
            default:
                return Error("InvalidAction", $"the fake CloudFormation does not answer {action}");
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
