using System.Xml.Linq;
using Strata.Providers.Aws.Protocol;

namespace Strata.Providers.Aws.Services.CloudFormation;

/// <summary>Reads CloudFormation's Query-protocol XML into the typed records.</summary>
internal static class CloudFormationXml
{
    public static Stack Stack(XElement e) => new()
    {
        StackId = e.Text("StackId") ?? "",
        StackName = e.Text("StackName") ?? "",
        ChangeSetId = e.Text("ChangeSetId"),
        Description = e.Text("Description"),
        Parameters = e.Items("Parameters").Select(Parameter).ToList(),
        CreationTime = e.Date("CreationTime"),
        LastUpdatedTime = e.Date("LastUpdatedTime"),
        DeletionTime = e.Date("DeletionTime"),
        StackStatus = e.Text("StackStatus") ?? "",
        StackStatusReason = e.Text("StackStatusReason"),
        DisableRollback = e.Bool("DisableRollback"),
        NotificationArns = e.Strings("NotificationARNs"),
        TimeoutInMinutes = e.Int("TimeoutInMinutes"),
        Capabilities = e.Strings("Capabilities"),
        Outputs = e.Items("Outputs").Select(o => new StackOutput(o.Text("OutputKey") ?? "", o.Text("OutputValue"))
        {
            Description = o.Text("Description"),
            ExportName = o.Text("ExportName"),
        }).ToList(),
        RoleArn = e.Text("RoleARN"),
        Tags = Tags(e),
        EnableTerminationProtection = e.Bool("EnableTerminationProtection"),
        ParentId = e.Text("ParentId"),
        RootId = e.Text("RootId"),
    };

    public static StackParameter Parameter(XElement e) =>
        new(e.Text("ParameterKey") ?? "", e.Text("ParameterValue"))
        {
            UsePreviousValue = e.Bool("UsePreviousValue"),
            ResolvedValue = e.Text("ResolvedValue"),
        };

    public static IReadOnlyList<AwsTag> Tags(XElement e) =>
        AwsTag.ListFromXml(e, "Tags");

    public static StackEvent Event(XElement e) => new()
    {
        EventId = e.Text("EventId") ?? "",
        StackId = e.Text("StackId") ?? "",
        StackName = e.Text("StackName") ?? "",
        LogicalResourceId = e.Text("LogicalResourceId"),
        PhysicalResourceId = e.Text("PhysicalResourceId"),
        ResourceType = e.Text("ResourceType"),
        Timestamp = e.Date("Timestamp"),
        ResourceStatus = e.Text("ResourceStatus"),
        ResourceStatusReason = e.Text("ResourceStatusReason"),
        ResourceProperties = e.Text("ResourceProperties"),
        ClientRequestToken = e.Text("ClientRequestToken"),
    };

    public static StackResource Resource(XElement e) => new()
    {
        StackName = e.Text("StackName") ?? "",
        StackId = e.Text("StackId") ?? "",
        LogicalResourceId = e.Text("LogicalResourceId") ?? "",
        PhysicalResourceId = e.Text("PhysicalResourceId"),
        ResourceType = e.Text("ResourceType") ?? "",
        Timestamp = e.Date("Timestamp"),
        ResourceStatus = e.Text("ResourceStatus") ?? "",
        ResourceStatusReason = e.Text("ResourceStatusReason"),
        Description = e.Text("Description"),
    };

    public static StackResourceSummary ResourceSummary(XElement e) => new()
    {
        LogicalResourceId = e.Text("LogicalResourceId") ?? "",
        PhysicalResourceId = e.Text("PhysicalResourceId"),
        ResourceType = e.Text("ResourceType") ?? "",
        LastUpdatedTimestamp = e.Date("LastUpdatedTimestamp"),
        ResourceStatus = e.Text("ResourceStatus") ?? "",
        ResourceStatusReason = e.Text("ResourceStatusReason"),
    };

    public static ChangeSetDescription ChangeSet(XElement e) => new()
    {
        ChangeSetId = e.Text("ChangeSetId") ?? "",
        ChangeSetName = e.Text("ChangeSetName") ?? "",
        StackId = e.Text("StackId") ?? "",
        StackName = e.Text("StackName") ?? "",
        Description = e.Text("Description"),
        Status = e.Text("Status") ?? "",
        StatusReason = e.Text("StatusReason"),
        ExecutionStatus = e.Text("ExecutionStatus"),
        CreationTime = e.Date("CreationTime"),
        Parameters = e.Items("Parameters").Select(Parameter).ToList(),
        Capabilities = e.Strings("Capabilities"),
        Tags = Tags(e),
        Changes = e.Items("Changes").Select(c => Change(c.Child("ResourceChange"))).ToList(),
        NextToken = e.NextToken("NextToken"),
        IncludeNestedStacks = e.Bool("IncludeNestedStacks"),
        ParentChangeSetId = e.Text("ParentChangeSetId"),
        RootChangeSetId = e.Text("RootChangeSetId"),
        OnStackFailure = e.Text("OnStackFailure"),
    };

    private static ResourceChange Change(XElement? e) => new()
    {
        Action = e.Text("Action") ?? "",
        LogicalResourceId = e.Text("LogicalResourceId") ?? "",
        PhysicalResourceId = e.Text("PhysicalResourceId"),
        ResourceType = e.Text("ResourceType") ?? "",
        Replacement = e.Text("Replacement"),
        Scope = e.Strings("Scope"),
        Details = e.Items("Details").Select(d => new ResourceChangeDetail
        {
            Evaluation = d.Text("Evaluation"),
            ChangeSource = d.Text("ChangeSource"),
            CausingEntity = d.Text("CausingEntity"),
            TargetAttribute = d.Child("Target").Text("Attribute"),
            TargetName = d.Child("Target").Text("Name"),
            RequiresRecreation = d.Child("Target").Text("RequiresRecreation"),
        }).ToList(),
        ChangeSetId = e.Text("ChangeSetId"),
    };

    public static ValidateTemplateResponse Validation(XElement e) => new()
    {
        Parameters = e.Items("Parameters").Select(p => new TemplateParameter(p.Text("ParameterKey") ?? "")
        {
            DefaultValue = p.Text("DefaultValue"),
            NoEcho = p.Bool("NoEcho"),
            Description = p.Text("Description"),
        }).ToList(),
        Description = e.Text("Description"),
        Capabilities = e.Strings("Capabilities"),
        CapabilitiesReason = e.Text("CapabilitiesReason"),
        DeclaredTransforms = e.Strings("DeclaredTransforms"),
    };
}
