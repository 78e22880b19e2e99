using System.Text.Json;
using Strata.Engine.State;

namespace Strata.Engine.Signals;

/// <summary>Why a signal body was refused, and which of its fields is to blame (null when it is not JSON at all).</summary>
public sealed record SignalBodyProblem(string? Field, string Message);

/// <summary>
/// Reads the body cfn-signal PUTs to a wait-condition URL: <c>{"Status":"SUCCESS|FAILURE","Reason":…,"UniqueId":…,"Data":…}</c>,
/// and the response a custom resource's handler PUTs to its ResponseURL: <c>{"Status":"SUCCESS|FAILED","RequestId":…,
/// "PhysicalResourceId":…,"Data":{…},…}</c> (no UniqueId; told apart by its RequestId). A response is kept whole, as the
/// signal's Data, under its RequestId, for the custom resource handler to read.
/// The one parser every endpoint uses (the CLI's loopback listener, <c>strata serve</c>), so both accept and refuse alike.
/// Field names are case-sensitive, as CloudFormation's are; a refusal names the field and what it should hold.
/// </summary>
public static class SignalBody
{
    public const string Example = """{"Status":"SUCCESS","Reason":"Configuration complete","UniqueId":"i-0abc","Data":"ready"}""";

    /// <summary>Bodies larger than this are refused: a signal is a status and a few words (CloudFormation caps Data at 4 KB).</summary>
    public const int MaxLength = 64 * 1024;

    public static bool TryParse(string body, DateTimeOffset receivedAt, out WaitSignal signal, out SignalBodyProblem problem)
    {
        signal = null!;
        problem = null!;
        if (string.IsNullOrWhiteSpace(body))
        {
            problem = new(null, $"The signal body is empty; send cfn-signal's JSON, e.g. {Example}");
            return false;
        }
        if (body.Length > MaxLength)
        {
            problem = new(null, $"The signal body is {body.Length} characters; at most {MaxLength} are accepted");
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = new(null, $"The signal body must be a JSON object such as {Example}, not a JSON {root.ValueKind.ToString().ToLowerInvariant()}");
                return false;
            }
            if (!TryGet(root, "UniqueId", out _) && TryGet(root, "RequestId", out _))
            {
                return TryParseCustomResourceResponse(root, body, receivedAt, out signal, out problem);
            }
            if (!TryReadStatus(root, out var status, out problem) || !TryReadUniqueId(root, out var uniqueId, out problem))
            {
                return false;
            }
            signal = new WaitSignal(uniqueId, status, Text(root, "Reason"), Text(root, "Data"), receivedAt);
            return true;
        }
        catch (JsonException ex)
        {
            problem = new(null, "The signal body is not valid JSON: " + ex.Message);
            return false;
        }
    }

    private static bool TryParseCustomResourceResponse(JsonElement root, string body, DateTimeOffset receivedAt, out WaitSignal signal, out SignalBodyProblem problem)
    {
        signal = null!;
        problem = null!;
        var requestId = root.GetProperty("RequestId");
        if (requestId.ValueKind != JsonValueKind.String || requestId.GetString()!.Length == 0)
        {
            problem = new("RequestId", "RequestId must be the request's id, as a non-empty string");
            return false;
        }
        var status = TryGet(root, "Status", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
        var success = status.Equals("SUCCESS", StringComparison.OrdinalIgnoreCase);
        if (!success && !status.Equals("FAILED", StringComparison.OrdinalIgnoreCase))
        {
            problem = new("Status", $"Status must be SUCCESS or FAILED in a custom resource response, not '{status}'" + CaseHint(root, "Status"));
            return false;
        }
        if (TryGet(root, "Data", out var data) && data.ValueKind != JsonValueKind.Object)
        {
            problem = new("Data", "Data must be a JSON object of attribute names to values");
            return false;
        }
        signal = new WaitSignal(requestId.GetString()!, success ? "SUCCESS" : "FAILURE", Text(root, "Reason"), body, receivedAt);
        return true;
    }

    private static bool TryReadStatus(JsonElement root, out string status, out SignalBodyProblem problem)
    {
        status = "";
        problem = null!;
        if (!TryGet(root, "Status", out var value))
        {
            problem = new("Status", "Status is required: SUCCESS or FAILURE" + CaseHint(root, "Status"));
            return false;
        }
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        if (!text.Equals("SUCCESS", StringComparison.OrdinalIgnoreCase) && !text.Equals("FAILURE", StringComparison.OrdinalIgnoreCase))
        {
            problem = new("Status", $"Status '{text}' is not SUCCESS or FAILURE");
            return false;
        }
        status = text.ToUpperInvariant();
        return true;
    }

    private static bool TryReadUniqueId(JsonElement root, out string uniqueId, out SignalBodyProblem problem)
    {
        uniqueId = "";
        problem = null!;
        if (!TryGet(root, "UniqueId", out var value) || value.ValueKind is not (JsonValueKind.String or JsonValueKind.Number) ||
            (uniqueId = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()).Length == 0)
        {
            problem = new("UniqueId", "UniqueId is required: a non-empty string that tells the senders apart (a repeated UniqueId replaces the earlier signal)"
                + CaseHint(root, "UniqueId"));
            return false;
        }
        return true;
    }

    /// <summary>Reason and Data are optional strings; other JSON values are kept as their JSON text.</summary>
    private static string? Text(JsonElement root, string name) =>
        !TryGet(root, name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.GetRawText();

    private static bool TryGet(JsonElement root, string name, out JsonElement value) =>
        root.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>"status" instead of "Status" is the usual slip of a hand-written curl: say so.</summary>
    private static string CaseHint(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name != name && property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return $" (field names are case-sensitive: the body has '{property.Name}')";
            }
        }
        return "";
    }
}
