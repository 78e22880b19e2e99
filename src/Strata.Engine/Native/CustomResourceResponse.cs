using System.Text.Json;
using System.Text.Json.Nodes;

namespace Strata.Engine.Native;

/// <summary>
/// What a custom resource's handler PUT to its ResponseURL: <c>{Status: SUCCESS|FAILED, Reason, PhysicalResourceId,
/// StackId, RequestId, LogicalResourceId, NoEcho, Data}</c>. The signal endpoint stores the body as it came; this reads it.
/// </summary>
internal sealed record CustomResourceResponse(bool Succeeded, string? Reason, string? PhysicalResourceId, JsonObject Data)
{
    /// <summary>CloudFormation refuses responses whose Data is larger than this.</summary>
    public const int MaxDataBytes = 4096;

    /// <summary>Reads a stored response, or says what is wrong with it.</summary>
    public static CustomResourceResponse? TryRead(string? body, out string problem)
    {
        problem = "";
        JsonObject? root;
        try
        {
            root = body is null ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException exception)
        {
            problem = "the response is not valid JSON: " + exception.Message;
            return null;
        }
        if (root is null)
        {
            problem = "the response is not a JSON object";
            return null;
        }

        var status = NativeProperty.Text(root["Status"]);
        var succeeded = string.Equals(status, "SUCCESS", StringComparison.OrdinalIgnoreCase);
        var data = new JsonObject();
        if (succeeded && root["Data"] is { } dataNode)
        {
            if (dataNode is not JsonObject dataObject)
            {
                problem = "Data must be a JSON object of attribute names to values";
                return null;
            }
            if (System.Text.Encoding.UTF8.GetByteCount(dataObject.ToJsonString()) > MaxDataBytes)
            {
                problem = $"Response object is too long: Data is more than {MaxDataBytes} bytes";
                return null;
            }
            data = (JsonObject)dataObject.DeepClone();
        }
        return new CustomResourceResponse(succeeded, NativeProperty.Text(root["Reason"]), NativeProperty.Text(root["PhysicalResourceId"]), data);
    }

}
