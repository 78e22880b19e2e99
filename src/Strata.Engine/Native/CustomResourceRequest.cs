using System.Text.Json.Nodes;
using Strata.Engine.Providers;

namespace Strata.Engine.Native;

/// <summary>
/// The request CloudFormation sends a custom resource's handler, field for field
/// (<c>RequestType</c>, <c>ResponseURL</c>, <c>StackId</c>, <c>RequestId</c>, <c>ResourceType</c>, <c>LogicalResourceId</c>,
/// <c>PhysicalResourceId</c> on update and delete, <c>ResourceProperties</c>, <c>OldResourceProperties</c> on update),
/// so handlers written for CloudFormation (cfn-response, crhelper) work unchanged.
/// </summary>
internal static class CustomResourceRequest
{
    public static JsonObject Build(string requestType, string responseUrl, string stackId, string requestId, ResourceRequest request,
        string serviceToken, JsonObject properties, string? physicalId, JsonObject? oldProperties)
    {
        var body = new JsonObject
        {
            ["RequestType"] = requestType,
            ["ServiceToken"] = serviceToken,
            ["ResponseURL"] = responseUrl,
            ["StackId"] = stackId,
            ["RequestId"] = requestId,
            ["LogicalResourceId"] = request.LogicalId,
            ["ResourceType"] = request.TypeName,
            ["ResourceProperties"] = properties.DeepClone(),
        };
        if (physicalId is not null)
        {
            body["PhysicalResourceId"] = physicalId;
        }
        if (oldProperties is not null)
        {
            body["OldResourceProperties"] = oldProperties.DeepClone();
        }
        return body;
    }
}
