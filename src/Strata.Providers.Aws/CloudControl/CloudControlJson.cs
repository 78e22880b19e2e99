using System.Globalization;
using System.Text.Json;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.CloudControl;

/// <summary>Reads Cloud Control's JSON 1.0 responses into the typed records.</summary>
internal static class CloudControlJson
{
    public static CloudControlProgressEvent ProgressEvent(JsonElement response, string operation)
    {
        if (!response.TryGetProperty("ProgressEvent", out var e) || e.ValueKind != JsonValueKind.Object)
            throw new AwsProtocolException($"Cloud Control {operation} returned no ProgressEvent.");
        var status = String(e, "OperationStatus")
            ?? throw new AwsProtocolException($"Cloud Control {operation} returned a ProgressEvent without OperationStatus.");
        return new CloudControlProgressEvent
        {
            OperationStatus = ParseStatus(status, operation),
            TypeName = String(e, "TypeName"),
            Identifier = String(e, "Identifier"),
            RequestToken = String(e, "RequestToken"),
            HooksRequestToken = String(e, "HooksRequestToken"),
            Operation = String(e, "Operation") is { } op ? ParseOperation(op, operation) : null,
            EventTime = Timestamp(e, "EventTime", operation),
            ResourceModel = String(e, "ResourceModel"),
            StatusMessage = String(e, "StatusMessage"),
            ErrorCode = String(e, "ErrorCode"),
            RetryAfter = Timestamp(e, "RetryAfter", operation),
        };
    }

    public static ResourceDescription Description(JsonElement e, string operation) =>
        new(String(e, "Identifier") ?? throw new AwsProtocolException($"Cloud Control {operation} returned a resource without an Identifier."),
            String(e, "Properties"));

    public static CloudControlOperationStatus ParseStatus(string value, string operation) => value switch
    {
        "PENDING" => CloudControlOperationStatus.Pending,
        "IN_PROGRESS" => CloudControlOperationStatus.InProgress,
        "SUCCESS" => CloudControlOperationStatus.Success,
        "FAILED" => CloudControlOperationStatus.Failed,
        "CANCEL_IN_PROGRESS" => CloudControlOperationStatus.CancelInProgress,
        "CANCEL_COMPLETE" => CloudControlOperationStatus.CancelComplete,
        _ => throw new AwsProtocolException($"Cloud Control {operation} returned an unknown OperationStatus '{value}'."),
    };

    private static CloudControlOperation ParseOperation(string value, string operation) => value switch
    {
        "CREATE" => CloudControlOperation.Create,
        "UPDATE" => CloudControlOperation.Update,
        "DELETE" => CloudControlOperation.Delete,
        _ => throw new AwsProtocolException($"Cloud Control {operation} returned an unknown Operation '{value}'."),
    };

    public static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// AWS JSON protocols send timestamps as epoch seconds with a fraction (<c>1632506656.706</c>); ISO 8601 text is
    /// accepted as well, since that is how the AWS CLI prints them and some documentation shows them.
    /// </summary>
    public static DateTimeOffset? Timestamp(JsonElement e, string name, string operation)
    {
        if (!e.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var seconds)) return FromEpochSeconds(seconds);
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = value.GetString()!;
            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s)) return FromEpochSeconds(s);
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
                return t;
        }
        throw new AwsProtocolException($"Cloud Control {operation} returned {name} '{value.GetRawText()}', which is not a timestamp.");
    }

    private static DateTimeOffset FromEpochSeconds(decimal seconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)decimal.Round(seconds * TimeSpan.TicksPerSecond));
}
