using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Xml.Linq;

namespace Strata.Cli.Tests.Support;

/// <summary>
/// A loopback CloudFormation for what moto cannot do (ContinueUpdateRollback): one stack whose update failed and whose
/// rollback failed on <see cref="StuckResource"/>. Answers DescribeStacks, DescribeStackEvents and ContinueUpdateRollback
/// in the XML shapes of AWS's API reference; a ContinueUpdateRollback moves the stack on to UPDATE_ROLLBACK_COMPLETE.
/// Any other action is answered with an error naming it, so a test sees what it did not expect. A minimal copy of
/// the AWS tests' fake: this project does not reference that test project.
/// </summary>
public sealed class FakeCloudFormationEndpoint : IAsyncDisposable
{
    public const string StuckResource = "Database";
    private const string StuckType = "AWS::RDS::DBInstance";
    private static readonly XNamespace Ns = "http://cloudformation.amazonaws.com/doc/2010-05-15/";

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
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

        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Endpoint = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _acceptLoop = AcceptLoopAsync();
    }

    public string StackName { get; }
    public string StackId { get; }
    public string Endpoint { get; }
    public string Status { get; private set; } = "UPDATE_ROLLBACK_FAILED";

    /// <summary>Every call received: its Action and its form parameters.</summary>
    public ConcurrentQueue<(string Action, IReadOnlyDictionary<string, string> Form)> Calls { get; } = new();

    /// <summary>The environment of a child <c>strata</c> pointed at this endpoint (the machine's ~/.aws kept out).</summary>
    public Dictionary<string, string?> UserEnvironment() => new()
    {
        ["AWS_ENDPOINT_URL"] = Endpoint,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "AKIDFAKECFNCLI",
        ["AWS_SECRET_ACCESS_KEY"] = "fake-cfn-secret",
        ["AWS_SESSION_TOKEN"] = null,
        ["AWS_PROFILE"] = null,
        ["AWS_CONFIG_FILE"] = "/nonexistent/strata-cli-test/config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/strata-cli-test/credentials",
    };

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

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = ServeAsync(client);
        }
    }

    /// <summary>One request per connection (the response says Connection: close).</summary>
    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var body = await ReadBodyAsync(stream, _stop.Token);
                if (body is null)
                {
                    return;
                }
                var form = body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
                    .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')),
                        p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "", StringComparer.Ordinal);
                var action = form.GetValueOrDefault("Action", "");
                Calls.Enqueue((action, form));
                await stream.WriteAsync(Respond(action, form), _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
            }
        }
    }

    private static async Task<string?> ReadBodyAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }
            buffer.AddRange(chunk.AsSpan(0, read));
        }
        var head = Encoding.ASCII.GetString(buffer.Take(headEnd).ToArray()).Split("\r\n");
        var length = head.Skip(1).Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim())).FirstOrDefault();
        var body = buffer.Skip(headEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                break;
            }
            body.AddRange(chunk.AsSpan(0, read));
        }
        return Encoding.UTF8.GetString(body.Take(length).ToArray());
    }

    private static int IndexOfHeadEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    private static byte[] Ok(string action, params object?[] content) => Response(200, "OK", new XElement(Ns + action + "Response",
        new XElement(Ns + action + "Result", content),
        new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", Guid.NewGuid().ToString()))));

    private static byte[] Error(string code, string message) => Response(400, "Bad Request", new XElement(Ns + "ErrorResponse",
        new XElement(Ns + "Error", new XElement(Ns + "Type", "Sender"), new XElement(Ns + "Code", code), new XElement(Ns + "Message", message)),
        new XElement(Ns + "RequestId", Guid.NewGuid().ToString())));

    private static byte[] Response(int status, string reason, XElement document)
    {
        var body = Encoding.UTF8.GetBytes(document.ToString());
        var head = $"HTTP/1.1 {status} {reason}\r\nContent-Type: text/xml\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
    }
}
